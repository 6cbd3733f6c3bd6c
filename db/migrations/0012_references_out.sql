CREATE TABLE `csl_styles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`style_id` text NOT NULL,
	`title` text NOT NULL,
	`xml` text NOT NULL,
	`file_name` text,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csl_styles_style_id_idx` ON `csl_styles` (`style_id`);--> statement-breakpoint
CREATE TABLE `kept_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collection_id` integer,
	`path` text NOT NULL,
	`format` text NOT NULL,
	`ascii` integer DEFAULT false NOT NULL,
	`last_written_at` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `papers` ADD `citation_key` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `citation_key_pinned` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `papers_citation_key_idx` ON `papers` (`citation_key`);