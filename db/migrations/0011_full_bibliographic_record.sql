CREATE TABLE `paper_citation_counts` (
	`paper_id` integer NOT NULL,
	`source` text NOT NULL,
	`count` integer NOT NULL,
	`read_on` text NOT NULL,
	`import_id` integer,
	PRIMARY KEY(`paper_id`, `source`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `author_metric_snapshots` ADD `other_metrics` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `author_metric_snapshots` ADD `citations_per_year` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `family` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `given` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `dropping_particle` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `non_dropping_particle` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `suffix` text;--> statement-breakpoint
ALTER TABLE `paper_authors` ADD `literal` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `arxiv_version` integer;--> statement-breakpoint
ALTER TABLE `papers` ADD `volume` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `issue` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `page` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `number` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `publisher` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `publisher_place` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `event` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `url` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `isbn` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `issn` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `pmid` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `pmcid` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `language` text;--> statement-breakpoint
ALTER TABLE `papers` ADD `keywords` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `papers` ADD `extra` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `papers` ADD `edited_fields` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `papers` ADD `source_values` text DEFAULT '{}' NOT NULL;