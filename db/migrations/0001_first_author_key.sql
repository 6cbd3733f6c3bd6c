ALTER TABLE `papers` ADD `first_author_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `papers_first_author_key_idx` ON `papers` (`first_author_key`);