-- Fill papers.affiliations_text (added in 0004) for papers written before it.
UPDATE `papers` SET `affiliations_text` = COALESCE((
  SELECT group_concat(a.`name`, ', ' ORDER BY pf.`position`)
  FROM `paper_affiliations` pf JOIN `affiliations` a ON a.`id` = pf.`affiliation_id`
  WHERE pf.`paper_id` = `papers`.`id`), '');
