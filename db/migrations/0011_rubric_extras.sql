ALTER TABLE `rubric_versions` ADD `extras` text;--> statement-breakpoint
-- A published version's suggestion rules and rater guidance never change either: the immutability
-- trigger of 0006 now covers the new column.
DROP TRIGGER rubric_versions_immutable;
--> statement-breakpoint
CREATE TRIGGER rubric_versions_immutable BEFORE UPDATE ON rubric_versions
WHEN OLD.status != 'draft' AND NOT (
  NEW.id = OLD.id AND NEW.rubric_key = OLD.rubric_key AND NEW.version = OLD.version AND NEW.title = OLD.title
  AND NEW.description = OLD.description AND NEW.source_file = OLD.source_file AND NEW.content_hash = OLD.content_hash
  AND NEW.based_on_id IS OLD.based_on_id AND NEW.created_by_id IS OLD.created_by_id
  AND NEW.published_at IS OLD.published_at AND NEW.created_at = OLD.created_at
  AND NEW.extras IS OLD.extras
  AND (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'retired'))
)
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
