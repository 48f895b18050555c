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
ALTER TABLE `assignments` ADD `extra_time_percent` integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `comment_draft` text;