DROP INDEX `paper_authors_author_idx`;--> statement-breakpoint
CREATE INDEX `paper_authors_author_idx` ON `paper_authors` (`author_id`,`paper_id`);