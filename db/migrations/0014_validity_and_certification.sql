CREATE TABLE `gold_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`sample_id` integer NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`value` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`tab_id` text,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sample_id`) REFERENCES `gold_samples`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gold_attempts_user_sample_round` ON `gold_attempts` (`user_id`,`sample_id`,`round`);--> statement-breakpoint
CREATE INDEX `gold_attempts_user_idx` ON `gold_attempts` (`user_id`);--> statement-breakpoint
CREATE TABLE `gold_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`stage` text NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`title` text NOT NULL,
	`setting` text NOT NULL,
	`account` text NOT NULL,
	`expert` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gold_samples_slug_version` ON `gold_samples` (`slug`,`version`);--> statement-breakpoint
CREATE TABLE `rater_certifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`stage` text NOT NULL,
	`round` integer NOT NULL,
	`certified_at` integer NOT NULL,
	`samples` integer NOT NULL,
	`within_share` real NOT NULL,
	`leniency_at_certification` real,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rater_certifications_user_stage_round` ON `rater_certifications` (`user_id`,`stage`,`round`);