ALTER TABLE `scorecards` ADD `saved_by_tab` text;--> statement-breakpoint
-- Defence in depth: the app never moves a loop or a scorecard to another rubric version, and the
-- database makes sure of it. Once a loop has a scorecard (a draft too: its ratings were written
-- against that version's dimensions), the loop keeps its version; a scorecard keeps the version it
-- was written against, and is always on its loop's.
CREATE TRIGGER loops_rubric_version_fixed BEFORE UPDATE OF rubric_version_id ON loops
WHEN NEW.rubric_version_id IS NOT OLD.rubric_version_id
  AND EXISTS (SELECT 1 FROM scorecards s JOIN interviews i ON i.id = s.interview_id WHERE i.loop_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'a loop with scorecards keeps the rubric version its scorecards were written against');
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_rubric_version_fixed BEFORE UPDATE OF rubric_version_id ON scorecards
WHEN NEW.rubric_version_id IS NOT OLD.rubric_version_id
BEGIN
  SELECT RAISE(ABORT, 'a scorecard keeps the rubric version it was written against');
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_on_loop_rubric_version BEFORE INSERT ON scorecards
WHEN NEW.rubric_version_id IS NOT (SELECT l.rubric_version_id FROM interviews i JOIN loops l ON l.id = i.loop_id WHERE i.id = NEW.interview_id)
BEGIN
  SELECT RAISE(ABORT, 'a scorecard is on its loop''s rubric version');
END;
