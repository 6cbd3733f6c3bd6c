DROP INDEX `papers_year_idx`;--> statement-breakpoint
ALTER TABLE `papers` ADD `affiliations_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `papers_year_date_idx` ON `papers` (`year`,`date`);--> statement-breakpoint
CREATE INDEX `papers_affiliations_text_idx` ON `papers` (`affiliations_text`);