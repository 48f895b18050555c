CREATE TABLE `bias_audit_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`produced_at` integer NOT NULL,
	`produced_by_id` integer NOT NULL,
	`position_id` integer,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`threshold` integer NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`produced_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `self_identifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`sex` text,
	`race_ethnicity` text,
	`disability` text,
	`veteran` text,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_identifications_candidate_unique` ON `self_identifications` (`candidate_id`);--> statement-breakpoint
-- A produced bias-audit report is a record kept for years: never changed, never deleted.
CREATE TRIGGER `bias_audit_reports_no_update` BEFORE UPDATE ON `bias_audit_reports`
BEGIN
	SELECT RAISE(ABORT, 'bias_audit_reports is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `bias_audit_reports_no_delete` BEFORE DELETE ON `bias_audit_reports`
BEGIN
	SELECT RAISE(ABORT, 'bias_audit_reports is append-only');
END;
