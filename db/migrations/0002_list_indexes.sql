CREATE INDEX `candidates_created_idx` ON `candidates` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ratings_scorecard_level_idx` ON `ratings` (`scorecard_id`,`dimension_key`,`level`);--> statement-breakpoint
CREATE INDEX `scorecards_updated_idx` ON `scorecards` (`updated_at`);