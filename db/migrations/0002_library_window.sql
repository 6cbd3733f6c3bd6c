CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `authors` ADD `paper_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `authors_paper_count_idx` ON `authors` (`paper_count`);--> statement-breakpoint
ALTER TABLE `papers` ADD `authors_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `papers_has_code_idx` ON `papers` (`has_code`);--> statement-breakpoint
CREATE INDEX `papers_citations_idx` ON `papers` (`citations`);--> statement-breakpoint
CREATE INDEX `papers_created_at_idx` ON `papers` (`created_at`);--> statement-breakpoint
CREATE INDEX `papers_venue_idx` ON `papers` (`venue`);