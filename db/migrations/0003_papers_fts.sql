-- Derived columns of 0002, filled for papers and authors written before it.
UPDATE `papers` SET `authors_text` = COALESCE((SELECT group_concat(`printed_name`, ', ' ORDER BY `position`) FROM `paper_authors` WHERE `paper_id` = `papers`.`id`), '')
  || CASE WHEN `authors_truncated` = 1 THEN ' et al.' ELSE '' END;
--> statement-breakpoint
UPDATE `authors` SET `paper_count` = (SELECT COUNT(*) FROM (
  SELECT `paper_id` FROM `paper_authors` WHERE `author_id` = `authors`.`id`
  UNION SELECT ip.`paper_id` FROM `import_papers` ip JOIN `imports` i ON i.`id` = ip.`import_id` WHERE i.`author_id` = `authors`.`id`));
--> statement-breakpoint
-- Full-text index over title, printed authors and abstract (FTS5 cannot be declared in Drizzle's schema).
-- External content: the text lives in `papers`; triggers keep the index in step. Diacritics are folded.
CREATE VIRTUAL TABLE `papers_fts` USING fts5(
  `title`, `authors_text`, `abstract`,
  content='papers', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_insert` AFTER INSERT ON `papers` BEGIN
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`) VALUES (new.`id`, new.`title`, new.`authors_text`, new.`abstract`);
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_delete` AFTER DELETE ON `papers` BEGIN
  INSERT INTO `papers_fts` (`papers_fts`, rowid, `title`, `authors_text`, `abstract`) VALUES ('delete', old.`id`, old.`title`, old.`authors_text`, old.`abstract`);
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_after_update` AFTER UPDATE OF `title`, `authors_text`, `abstract` ON `papers` BEGIN
  INSERT INTO `papers_fts` (`papers_fts`, rowid, `title`, `authors_text`, `abstract`) VALUES ('delete', old.`id`, old.`title`, old.`authors_text`, old.`abstract`);
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`) VALUES (new.`id`, new.`title`, new.`authors_text`, new.`abstract`);
END;
--> statement-breakpoint
INSERT INTO `papers_fts` (`papers_fts`) VALUES ('rebuild');
