-- Full-text index over everything a paper carries: title, printed authors, abstract, affiliations,
-- categories, tag names, notes and annotations (quotes and comments), diacritics folded. Replaces 0003's.
--
-- Contentless with contentless_delete (SQLite >= 3.43): half of the text lives in other tables (tags,
-- notes, annotations), so an external-content table would need the *old* concatenated text to delete
-- a row, which an AFTER trigger on those tables can no longer compute. Here a change to any source
-- re-reads the paper's text from papers_fts_source and replaces its row by rowid. highlight() and
-- snippet() are unavailable on a contentless table; the query parser returns the terms to highlight.
DROP TRIGGER IF EXISTS `papers_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `papers_fts_after_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `papers_fts_after_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `papers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `papers_fts` USING fts5(
  `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Ranking: bm25 with a title match worth most, then tags and authors (column order as declared above).
INSERT INTO `papers_fts` (`papers_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 2.0, 5.0, 2.0, 3.0)');
--> statement-breakpoint
-- One paper's indexed text, read from its source tables (the triggers below insert from here).
CREATE VIEW `papers_fts_source` AS SELECT
  p.`id` AS rowid, p.`title`, p.`authors_text`, p.`abstract`, p.`affiliations_text`, p.`categories`,
  (SELECT group_concat(t.`name`, ' ; ') FROM `paper_tags` pt JOIN `tags` t ON t.`id` = pt.`tag_id` WHERE pt.`paper_id` = p.`id`),
  (SELECT group_concat(n.`body`, char(10)) FROM `notes` n WHERE n.`paper_id` = p.`id`),
  (SELECT group_concat(a.`quote` || char(10) || a.`comment`, char(10)) FROM `annotations` a WHERE a.`paper_id` = p.`id`)
FROM `papers` p;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_insert` AFTER INSERT ON `papers` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_delete` AFTER DELETE ON `papers` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_update` AFTER UPDATE OF `title`, `authors_text`, `abstract`, `affiliations_text`, `categories` ON `papers` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_tags_insert` AFTER INSERT ON `paper_tags` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_tags_delete` AFTER DELETE ON `paper_tags` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_paper_tags_update` AFTER UPDATE ON `paper_tags` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_notes_insert` AFTER INSERT ON `notes` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_notes_delete` AFTER DELETE ON `notes` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_notes_update` AFTER UPDATE OF `body`, `paper_id` ON `notes` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_annotations_insert` AFTER INSERT ON `annotations` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_annotations_delete` AFTER DELETE ON `annotations` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_annotations_update` AFTER UPDATE OF `quote`, `comment`, `paper_id` ON `annotations` BEGIN
  DELETE FROM `papers_fts` WHERE rowid = old.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = old.`paper_id`;
  DELETE FROM `papers_fts` WHERE rowid = new.`paper_id`;
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid = new.`paper_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `papers_fts_tags_rename` AFTER UPDATE OF `name` ON `tags` BEGIN
  DELETE FROM `papers_fts` WHERE rowid IN (SELECT `paper_id` FROM `paper_tags` WHERE `tag_id` = new.`id`);
  INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
    SELECT * FROM `papers_fts_source` WHERE rowid IN (SELECT `paper_id` FROM `paper_tags` WHERE `tag_id` = new.`id`);
END;
--> statement-breakpoint
INSERT INTO `papers_fts` (rowid, `title`, `authors_text`, `abstract`, `affiliations`, `categories`, `tags`, `notes`, `annotations`)
  SELECT * FROM `papers_fts_source`;
