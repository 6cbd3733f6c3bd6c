-- Plain words reach every author linked to a paper, as `author:` does (issue 9): the index's authors
-- column was only the printed list, so a profile's owner hidden behind "et al." (linked through the import)
-- or an author linked under another spelling was found by `author:` but not by a plain word.
--
-- papers_fts_source's authors column becomes the printed list followed by the names of linked authors that
-- the list does not print: authors of paper_authors rows, and the owners of the imports that brought the
-- paper. New triggers re-read a paper's row when such a link appears, goes or is renamed. A link whose
-- author's name is printed on the paper changes nothing indexed, so those rows (most of an import's) skip
-- the re-read. The index is rebuilt for libraries made before.
DROP VIEW IF EXISTS `papers_fts_source`;
--> statement-breakpoint
CREATE VIEW `papers_fts_source` AS SELECT
  p.`id` AS rowid, p.`title`,
  p.`authors_text` || COALESCE(' ; ' || (SELECT group_concat(a.`name`, ', ') FROM (
      SELECT a.`name` FROM `paper_authors` pa JOIN `authors` a ON a.`id` = pa.`author_id` WHERE pa.`paper_id` = p.`id`
      UNION SELECT a.`name` FROM `import_papers` ip JOIN `imports` i ON i.`id` = ip.`import_id` JOIN `authors` a ON a.`id` = i.`author_id` WHERE ip.`paper_id` = p.`id`
    ) a WHERE instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0), ''),
  p.`abstract`, p.`affiliations_text`, p.`categories`,
  (SELECT group_concat(t.`name`, ' ; ') FROM `paper_tags` pt JOIN `tags` t ON t.`id` = pt.`tag_id` WHERE pt.`paper_id` = p.`id`),
  (SELECT group_concat(n.`body`, char(10)) FROM `notes` n WHERE n.`paper_id` = p.`id`),
  (SELECT group_concat(a.`quote` || char(10) || a.`comment`, char(10)) FROM `annotations` a WHERE a.`paper_id` = p.`id`)
FROM `papers` p;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_authors_insert` AFTER INSERT ON `paper_authors` WHEN (SELECT instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0 FROM `papers` p, `authors` a WHERE p.`id` = new.`paper_id` AND a.`id` = new.`author_id`) IS 1 BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_authors_delete` AFTER DELETE ON `paper_authors` WHEN (SELECT instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0 FROM `papers` p, `authors` a WHERE p.`id` = old.`paper_id` AND a.`id` = old.`author_id`) IS 1 BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_authors_update` AFTER UPDATE OF `paper_id`, `author_id` ON `paper_authors` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_import_papers_insert` AFTER INSERT ON `import_papers` WHEN (SELECT instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0 FROM `papers` p, `imports` i, `authors` a WHERE p.`id` = new.`paper_id` AND i.`id` = new.`import_id` AND a.`id` = i.`author_id`) IS 1 BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_import_papers_delete` AFTER DELETE ON `import_papers` WHEN (SELECT instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0 FROM `papers` p, `imports` i, `authors` a WHERE p.`id` = old.`paper_id` AND i.`id` = old.`import_id` AND a.`id` = i.`author_id`) IS NOT 0 BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_import_papers_update` AFTER UPDATE OF `import_id`, `paper_id` ON `import_papers` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
-- An import names its owner once its papers are linked (db/library/import-profile.ts); deleting the owner sets it null.
-- Only papers that no other link (another import, a paper_authors row) ties to that owner change.
CREATE TRIGGER `papers_fts_imports_owner` AFTER UPDATE OF `author_id` ON `imports` WHEN old.`author_id` IS NOT new.`author_id` BEGIN
  DELETE FROM `papers_fts` WHERE rowid IN (SELECT ip.`paper_id` FROM `import_papers` ip JOIN `papers` p ON p.`id` = ip.`paper_id` LEFT JOIN `authors` a ON a.`id` = old.`author_id`
    WHERE ip.`import_id` = old.`id` AND old.`author_id` IS NOT NULL AND (a.`id` IS NULL OR (instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0))
      AND NOT EXISTS (SELECT 1 FROM `import_papers` ip2 JOIN `imports` i2 ON i2.`id` = ip2.`import_id`
        WHERE ip2.`paper_id` = ip.`paper_id` AND i2.`author_id` = old.`author_id` AND i2.`id` <> old.`id`)
      AND NOT EXISTS (SELECT 1 FROM `paper_authors` pa WHERE pa.`paper_id` = ip.`paper_id` AND pa.`author_id` = old.`author_id`));
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid IN (SELECT ip.`paper_id` FROM `import_papers` ip JOIN `papers` p ON p.`id` = ip.`paper_id` LEFT JOIN `authors` a ON a.`id` = old.`author_id`
    WHERE ip.`import_id` = old.`id` AND old.`author_id` IS NOT NULL AND (a.`id` IS NULL OR (instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0))
      AND NOT EXISTS (SELECT 1 FROM `import_papers` ip2 JOIN `imports` i2 ON i2.`id` = ip2.`import_id`
        WHERE ip2.`paper_id` = ip.`paper_id` AND i2.`author_id` = old.`author_id` AND i2.`id` <> old.`id`)
      AND NOT EXISTS (SELECT 1 FROM `paper_authors` pa WHERE pa.`paper_id` = ip.`paper_id` AND pa.`author_id` = old.`author_id`));
  DELETE FROM `papers_fts` WHERE rowid IN (SELECT ip.`paper_id` FROM `import_papers` ip JOIN `papers` p ON p.`id` = ip.`paper_id` LEFT JOIN `authors` a ON a.`id` = new.`author_id`
    WHERE ip.`import_id` = new.`id` AND new.`author_id` IS NOT NULL AND (a.`id` IS NULL OR (instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0))
      AND NOT EXISTS (SELECT 1 FROM `import_papers` ip2 JOIN `imports` i2 ON i2.`id` = ip2.`import_id`
        WHERE ip2.`paper_id` = ip.`paper_id` AND i2.`author_id` = new.`author_id` AND i2.`id` <> new.`id`)
      AND NOT EXISTS (SELECT 1 FROM `paper_authors` pa WHERE pa.`paper_id` = ip.`paper_id` AND pa.`author_id` = new.`author_id`));
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid IN (SELECT ip.`paper_id` FROM `import_papers` ip JOIN `papers` p ON p.`id` = ip.`paper_id` LEFT JOIN `authors` a ON a.`id` = new.`author_id`
    WHERE ip.`import_id` = new.`id` AND new.`author_id` IS NOT NULL AND (a.`id` IS NULL OR (instr(', ' || p.`authors_text` || ', ', ', ' || a.`name` || ', ') = 0 AND instr(', ' || p.`authors_text`, ', ' || a.`name` || ' et al.') = 0))
      AND NOT EXISTS (SELECT 1 FROM `import_papers` ip2 JOIN `imports` i2 ON i2.`id` = ip2.`import_id`
        WHERE ip2.`paper_id` = ip.`paper_id` AND i2.`author_id` = new.`author_id` AND i2.`id` <> new.`id`)
      AND NOT EXISTS (SELECT 1 FROM `paper_authors` pa WHERE pa.`paper_id` = ip.`paper_id` AND pa.`author_id` = new.`author_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_authors_rename` AFTER UPDATE OF `name` ON `authors` BEGIN
  DELETE FROM `papers_fts` WHERE rowid IN (SELECT pa.`paper_id` FROM `paper_authors` pa WHERE pa.`author_id` = new.`id`
    UNION SELECT ip.`paper_id` FROM `import_papers` ip JOIN `imports` i ON i.`id` = ip.`import_id` WHERE i.`author_id` = new.`id`);
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid IN (SELECT pa.`paper_id` FROM `paper_authors` pa WHERE pa.`author_id` = new.`id`
    UNION SELECT ip.`paper_id` FROM `import_papers` ip JOIN `imports` i ON i.`id` = ip.`import_id` WHERE i.`author_id` = new.`id`);
END;
--> statement-breakpoint
INSERT INTO `papers_fts` (`papers_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
  SELECT * FROM `papers_fts_source`;
