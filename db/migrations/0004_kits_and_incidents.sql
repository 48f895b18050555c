CREATE TABLE `incident_runs` (
	`assignment_id` integer PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`root_cause` text DEFAULT '' NOT NULL,
	`mitigation` text DEFAULT '' NOT NULL,
	`prevention` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `incident_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`evidence_id` text,
	`text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_steps_assignment_idx` ON `incident_steps` (`assignment_id`,`id`);--> statement-breakpoint
CREATE TABLE `take_home_grades` (
	`assignment_id` integer PRIMARY KEY NOT NULL,
	`grader_id` integer NOT NULL,
	`checked` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `take_home_submissions` (
	`assignment_id` integer PRIMARY KEY NOT NULL,
	`repository_url` text,
	`file_name` text,
	`stored_name` text,
	`archive_type` text,
	`bytes` integer,
	`sha256` text,
	`notes` text DEFAULT '' NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `exercises` ADD `content` text;