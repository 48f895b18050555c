CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`interview_id` integer,
	`exercise_id` integer NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`token_id` text NOT NULL,
	`link_expires_at` integer NOT NULL,
	`time_limit_minutes` integer NOT NULL,
	`started_at` integer,
	`deadline_at` integer,
	`submitted_at` integer,
	`summary` text DEFAULT '' NOT NULL,
	`verdict` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_token_unique` ON `assignments` (`token_id`);--> statement-breakpoint
CREATE INDEX `assignments_candidate_idx` ON `assignments` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text,
	`redacted` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`position_id` integer NOT NULL,
	`source` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`erased_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_email_unique` ON `candidates` (`email`);--> statement-breakpoint
CREATE INDEX `candidates_position_idx` ON `candidates` (`position_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loop_id` integer NOT NULL,
	`decision` text NOT NULL,
	`rationale` text NOT NULL,
	`score_at_decision` real,
	`band_at_decision` text,
	`acknowledged_against_band` integer DEFAULT false NOT NULL,
	`acknowledged_red_flags` integer DEFAULT false NOT NULL,
	`decided_by_id` integer NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_loop_unique` ON `decisions` (`loop_id`);--> statement-breakpoint
CREATE TABLE `exercises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`stage` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercises_slug_version` ON `exercises` (`slug`,`version`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loop_id` integer NOT NULL,
	`stage` text NOT NULL,
	`interviewer_id` integer NOT NULL,
	`exercise_id` integer,
	`scheduled_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interviews_loop_idx` ON `interviews` (`loop_id`);--> statement-breakpoint
CREATE INDEX `interviews_interviewer_idx` ON `interviews` (`interviewer_id`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `loops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loops_candidate_idx` ON `loops` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `loops_status_idx` ON `loops` (`status`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`team` text NOT NULL,
	`location` text NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `positions_key_unique` ON `positions` (`key`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`scorecard_id` integer NOT NULL,
	`dimension_key` text NOT NULL,
	`level` integer,
	`not_assessed` integer DEFAULT false NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`suggested_level` integer,
	PRIMARY KEY(`scorecard_id`, `dimension_key`),
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ratings_dimension_idx` ON `ratings` (`dimension_key`,`level`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`file_path` text NOT NULL,
	`line` integer NOT NULL,
	`end_line` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_comments_assignment_idx` ON `review_comments` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `review_grade_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`grade_id` integer NOT NULL,
	`defect_id` text,
	`comment_id` integer,
	`decision` text NOT NULL,
	`dimension_key` text,
	`severity` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`grade_id`) REFERENCES `review_grades`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_grade_items_grade_idx` ON `review_grade_items` (`grade_id`);--> statement-breakpoint
CREATE TABLE `review_grades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`grader_id` integer NOT NULL,
	`auto_score` real,
	`score` real,
	`saved_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_grades_assignment_unique` ON `review_grades` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `rubric_bands` (
	`rubric_version_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`min_score` real NOT NULL,
	PRIMARY KEY(`rubric_version_id`, `key`),
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rubric_dimensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`weight` integer NOT NULL,
	`excellent` text NOT NULL,
	`assesses` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_dimensions_version_key` ON `rubric_dimensions` (`rubric_version_id`,`key`);--> statement-breakpoint
CREATE TABLE `rubric_levels` (
	`dimension_id` integer NOT NULL,
	`level` integer NOT NULL,
	`label` text NOT NULL,
	`anchor` text NOT NULL,
	PRIMARY KEY(`dimension_id`, `level`),
	FOREIGN KEY (`dimension_id`) REFERENCES `rubric_dimensions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rubric_signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`dimension_key` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_signals_version_key` ON `rubric_signals` (`rubric_version_id`,`key`);--> statement-breakpoint
CREATE TABLE `rubric_stages` (
	`rubric_version_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`minutes` integer NOT NULL,
	`optional` integer NOT NULL,
	`focus` text NOT NULL,
	`sort_order` integer NOT NULL,
	PRIMARY KEY(`rubric_version_id`, `key`),
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rubric_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rubric_key` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`source_file` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_versions_key_version` ON `rubric_versions` (`rubric_key`,`version`);--> statement-breakpoint
CREATE TABLE `scorecard_signals` (
	`scorecard_id` integer NOT NULL,
	`signal_key` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`scorecard_id`, `signal_key`),
	FOREIGN KEY (`scorecard_id`) REFERENCES `scorecards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scorecards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`interview_id` integer NOT NULL,
	`interviewer_id` integer NOT NULL,
	`rubric_version_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`recommendation` text,
	`takeaways` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`amended_at` integer,
	`amendment_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`interviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rubric_version_id`) REFERENCES `rubric_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scorecards_interview_unique` ON `scorecards` (`interview_id`);--> statement-breakpoint
CREATE INDEX `scorecards_interviewer_idx` ON `scorecards` (`interviewer_id`,`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);