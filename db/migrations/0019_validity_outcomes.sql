CREATE TABLE `hire_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`loop_id` integer NOT NULL,
	`checkpoint` text NOT NULL,
	`performance` integer NOT NULL,
	`dimension_ratings` text NOT NULL,
	`employment` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hire_outcomes_loop_checkpoint` ON `hire_outcomes` (`loop_id`,`checkpoint`);--> statement-breakpoint
CREATE INDEX `hire_outcomes_candidate_idx` ON `hire_outcomes` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `outcome_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`loop_id` integer NOT NULL,
	`checkpoint` text NOT NULL,
	`manager_id` integer NOT NULL,
	`sent_at` integer NOT NULL,
	`email_id` integer,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`email_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_reminders_loop_checkpoint` ON `outcome_reminders` (`loop_id`,`checkpoint`);