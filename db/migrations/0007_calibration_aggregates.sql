CREATE TABLE `interviewer_submissions` (
	`interviewer_id` integer PRIMARY KEY NOT NULL,
	`scorecards` integer NOT NULL,
	`median_hours_to_submit` real,
	`matched` integer NOT NULL,
	`decided` integer NOT NULL
);
--> statement-breakpoint
-- The new table is filled by the next full build of the aggregates (ensureAggregates, at start).
UPDATE `aggregate_state` SET `version` = 0 WHERE `id` = 1;
