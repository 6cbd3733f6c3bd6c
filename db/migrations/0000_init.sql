CREATE TABLE `affiliations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `affiliations_name_idx` ON `affiliations` (`name`);--> statement-breakpoint
CREATE TABLE `author_metric_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_id` integer NOT NULL,
	`source` text NOT NULL,
	`import_id` integer,
	`captured_at` text NOT NULL,
	`h_index` integer,
	`i10_index` integer,
	`citations` integer,
	`paper_count` integer,
	`h_index_recent` integer,
	`citations_recent` integer,
	`i10_index_recent` integer,
	`recent_since_year` integer,
	`highly_influential_citations` integer,
	`novelty_pct` real,
	`ai_score` real,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `author_metric_snapshots_author_idx` ON `author_metric_snapshots` (`author_id`,`captured_at`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`primary_category` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_name_key_idx` ON `authors` (`name_key`);--> statement-breakpoint
CREATE TABLE `import_papers` (
	`import_id` integer NOT NULL,
	`paper_id` integer NOT NULL,
	`action` text NOT NULL,
	PRIMARY KEY(`import_id`, `paper_id`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_papers_paper_idx` ON `import_papers` (`paper_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`raw_text` text NOT NULL,
	`format` text NOT NULL,
	`author_id` integer,
	`papers_added` integer DEFAULT 0 NOT NULL,
	`papers_updated` integer DEFAULT 0 NOT NULL,
	`papers_unchanged` integer DEFAULT 0 NOT NULL,
	`lines_skipped` integer DEFAULT 0 NOT NULL,
	`report` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `paper_affiliations` (
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`affiliation_id` integer NOT NULL,
	PRIMARY KEY(`paper_id`, `position`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`affiliation_id`) REFERENCES `affiliations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_affiliations_aff_idx` ON `paper_affiliations` (`affiliation_id`);--> statement-breakpoint
CREATE TABLE `paper_authors` (
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`printed_name` text NOT NULL,
	`author_id` integer NOT NULL,
	PRIMARY KEY(`paper_id`, `position`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_authors_author_idx` ON `paper_authors` (`author_id`);--> statement-breakpoint
CREATE TABLE `paper_categories` (
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`paper_id`, `position`),
	FOREIGN KEY (`paper_id`) REFERENCES `papers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paper_categories_code_idx` ON `paper_categories` (`code`);--> statement-breakpoint
CREATE TABLE `papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`title_key` text NOT NULL,
	`date` text,
	`year` integer,
	`abstract` text,
	`venue` text,
	`item_type` text DEFAULT 'article' NOT NULL,
	`categories` text DEFAULT '' NOT NULL,
	`has_code` integer,
	`authors_truncated` integer DEFAULT false NOT NULL,
	`author_count` integer,
	`citations` integer,
	`doi` text,
	`arxiv_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `papers_title_key_idx` ON `papers` (`title_key`);--> statement-breakpoint
CREATE INDEX `papers_date_idx` ON `papers` (`date`);--> statement-breakpoint
CREATE INDEX `papers_year_idx` ON `papers` (`year`);--> statement-breakpoint
CREATE INDEX `papers_categories_idx` ON `papers` (`categories`);--> statement-breakpoint
CREATE INDEX `papers_doi_idx` ON `papers` (`doi`);--> statement-breakpoint
CREATE INDEX `papers_arxiv_idx` ON `papers` (`arxiv_id`);