-- An erasure may replace who and what a failed sign-in is about with the erasure mark: sign-ins
-- failed before the typed address moved into `after` hold it as the actor's label and the entity
-- id, and an erased candidate's address must not survive there. Everything else stays refused.
-- Entries an earlier erasure already redacted (it could then only blank before/after) are
-- finished first, while no trigger stands in the way.
DROP TRIGGER audit_log_only_redaction;
--> statement-breakpoint
UPDATE audit_log SET actor_label = '[erased]', entity_id = '[erased]'
WHERE redacted = 1 AND action = 'sign_in_failed' AND entity_type = 'sign_in' AND actor_id IS NULL
  AND actor_label != 'Not signed in';
--> statement-breakpoint
CREATE TRIGGER audit_log_only_redaction BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.redacted = 0 AND NEW.redacted = 1
  AND NEW.before IS NULL AND NEW.after IS NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
  AND (NEW.actor_label = OLD.actor_label OR (OLD.actor_id IS NULL AND NEW.actor_label = '[erased]'))
  AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
  AND (NEW.entity_id = OLD.entity_id OR (OLD.entity_type = 'sign_in' AND NEW.entity_id = '[erased]'))
  AND (NEW.summary = OLD.summary OR instr(NEW.summary, '[erased]') > 0)
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
