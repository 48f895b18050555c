-- The audit log is append-only. Deleting is never allowed. The only update allowed is the one an
-- erasure makes: blanking before/after of an entry and marking it redacted, leaving who, what
-- and when in place.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_only_redaction BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.redacted = 0 AND NEW.redacted = 1
  AND NEW.before IS NULL AND NEW.after IS NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
  AND NEW.actor_label = OLD.actor_label AND NEW.action = OLD.action
  AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
  AND NEW.summary = OLD.summary
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
