CREATE TABLE `aggregate_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agreement_units` (
	`candidate_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`n1` integer NOT NULL,
	`n2` integer NOT NULL,
	`n3` integer NOT NULL,
	`n4` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `dimension_key`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interviewer_leniency` (
	`interviewer_id` integer PRIMARY KEY NOT NULL,
	`pairs` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_sq` real NOT NULL,
	`sum_sn` real NOT NULL,
	`sum_nsq` integer NOT NULL,
	`candidates` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `interviewer_level_counts` (
	`interviewer_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`level` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`interviewer_id`, `dimension_key`, `level`)
);
--> statement-breakpoint
CREATE TABLE `leniency_by_candidate` (
	`interviewer_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`diff_sum` real NOT NULL,
	`pairs` integer NOT NULL,
	PRIMARY KEY(`interviewer_id`, `candidate_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `leniency_by_candidate_candidate_idx` ON `leniency_by_candidate` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `loop_figures` (
	`loop_id` integer PRIMARY KEY NOT NULL,
	`score` real,
	`band_key` text,
	`coverage` real NOT NULL,
	`gates` text NOT NULL,
	`dimension_scores` text NOT NULL,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `loop_tallies` (
	`loop_id` integer PRIMARY KEY NOT NULL,
	`scheduled` integer NOT NULL,
	`submitted` integer NOT NULL,
	`yes` integer NOT NULL,
	`no` integer NOT NULL,
	`red_flags` integer NOT NULL,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `panel_rating_groups` (
	`loop_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`sum` integer NOT NULL,
	`count` integer NOT NULL,
	`min` integer NOT NULL,
	`max` integer NOT NULL,
	PRIMARY KEY(`loop_id`, `interviewer_id`, `dimension_key`),
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rating_voices` (
	`candidate_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`interviewer_id` integer NOT NULL,
	`sum` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `dimension_key`, `interviewer_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_comment_moves` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`assignment_id` integer NOT NULL,
	`defect_id` text,
	`moved_by_id` integer NOT NULL,
	`moved_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`moved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comment_moves_assignment_idx` ON `review_comment_moves` (`assignment_id`);--> statement-breakpoint
DROP INDEX `ratings_dimension_idx`;--> statement-breakpoint
DROP INDEX `scorecards_updated_idx`;--> statement-breakpoint
ALTER TABLE `assignments` ADD `extra_time_percent` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `comment_draft` text;--> statement-breakpoint
INSERT INTO `aggregate_state` (`id`, `version`) VALUES (1, 0);
