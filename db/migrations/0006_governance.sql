ALTER TABLE `candidates` ADD `legal_hold_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `legal_hold_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `positions` ADD `retention_months` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `rubric_dimensions` ADD `floor_at_or_below` integer;--> statement-breakpoint
ALTER TABLE `rubric_dimensions` ADD `floor_blocks` text;--> statement-breakpoint
ALTER TABLE `rubric_versions` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `rubric_versions` ADD `based_on_id` integer REFERENCES rubric_versions(id);--> statement-breakpoint
ALTER TABLE `rubric_versions` ADD `created_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `rubric_versions` ADD `published_at` integer;--> statement-breakpoint
-- Versions loaded before versions could be drafted were each published when loaded; the newest
-- of each rubric stays the published one, older ones are retired.
UPDATE `rubric_versions` SET `status` = 'published', `published_at` = `created_at`;--> statement-breakpoint
UPDATE `rubric_versions` SET `status` = 'retired' WHERE EXISTS (
  SELECT 1 FROM `rubric_versions` newer WHERE newer.rubric_key = rubric_versions.rubric_key AND newer.version > rubric_versions.version
);--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_versions_one_published` ON `rubric_versions` (`rubric_key`) WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX `rubric_versions_one_draft` ON `rubric_versions` (`rubric_key`) WHERE status = 'draft';
--> statement-breakpoint
-- A rubric version's content may change only while it is a draft. Once published, the loops and
-- scorecards that use it keep exactly the rules they were scored with: its own row may change
-- only from published to retired, and its dimensions, levels, signals, bands and stages not at all.
CREATE TRIGGER rubric_versions_immutable BEFORE UPDATE ON rubric_versions
WHEN OLD.status != 'draft' AND NOT (
  NEW.id = OLD.id AND NEW.rubric_key = OLD.rubric_key AND NEW.version = OLD.version AND NEW.title = OLD.title
  AND NEW.description = OLD.description AND NEW.source_file = OLD.source_file AND NEW.content_hash = OLD.content_hash
  AND NEW.based_on_id IS OLD.based_on_id AND NEW.created_by_id IS OLD.created_by_id
  AND NEW.published_at IS OLD.published_at AND NEW.created_at = OLD.created_at
  AND (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'retired'))
)
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_versions_no_delete BEFORE DELETE ON rubric_versions
WHEN OLD.status != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_dimensions_immutable_insert BEFORE INSERT ON rubric_dimensions
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_dimensions_immutable_update BEFORE UPDATE ON rubric_dimensions
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft' OR coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_dimensions_immutable_delete BEFORE DELETE ON rubric_dimensions
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_signals_immutable_insert BEFORE INSERT ON rubric_signals
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_signals_immutable_update BEFORE UPDATE ON rubric_signals
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft' OR coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_signals_immutable_delete BEFORE DELETE ON rubric_signals
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_bands_immutable_insert BEFORE INSERT ON rubric_bands
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_bands_immutable_update BEFORE UPDATE ON rubric_bands
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft' OR coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_bands_immutable_delete BEFORE DELETE ON rubric_bands
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_stages_immutable_insert BEFORE INSERT ON rubric_stages
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_stages_immutable_update BEFORE UPDATE ON rubric_stages
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft' OR coalesce((SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_stages_immutable_delete BEFORE DELETE ON rubric_stages
WHEN coalesce((SELECT status FROM rubric_versions WHERE id = OLD.rubric_version_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_levels_immutable_insert BEFORE INSERT ON rubric_levels
WHEN coalesce((SELECT v.status FROM rubric_dimensions d JOIN rubric_versions v ON v.id = d.rubric_version_id WHERE d.id = NEW.dimension_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_levels_immutable_update BEFORE UPDATE ON rubric_levels
WHEN coalesce((SELECT v.status FROM rubric_dimensions d JOIN rubric_versions v ON v.id = d.rubric_version_id WHERE d.id = OLD.dimension_id), 'draft') != 'draft' OR coalesce((SELECT v.status FROM rubric_dimensions d JOIN rubric_versions v ON v.id = d.rubric_version_id WHERE d.id = NEW.dimension_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
CREATE TRIGGER rubric_levels_immutable_delete BEFORE DELETE ON rubric_levels
WHEN coalesce((SELECT v.status FROM rubric_dimensions d JOIN rubric_versions v ON v.id = d.rubric_version_id WHERE d.id = OLD.dimension_id), 'draft') != 'draft'
BEGIN
  SELECT RAISE(ABORT, 'rubric version is published: its content never changes');
END;
--> statement-breakpoint
-- A draft is never used, which is what makes changing it safe.
CREATE TRIGGER loops_no_draft_rubric BEFORE INSERT ON loops
WHEN (SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id) = 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a draft rubric version is not used until it is published');
END;
--> statement-breakpoint
CREATE TRIGGER scorecards_no_draft_rubric BEFORE INSERT ON scorecards
WHEN (SELECT status FROM rubric_versions WHERE id = NEW.rubric_version_id) = 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a draft rubric version is not used until it is published');
END;
--> statement-breakpoint
-- An erasure may also take the erased candidate's name out of an entry's summary: the one update
-- the audit log allows (0001) now lets the summary change, provided the new one carries the
-- erasure mark. Who, what and when stay as they were.
DROP TRIGGER audit_log_only_redaction;
--> statement-breakpoint
CREATE TRIGGER audit_log_only_redaction BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.redacted = 0 AND NEW.redacted = 1
  AND NEW.before IS NULL AND NEW.after IS NULL
  AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
  AND NEW.actor_label = OLD.actor_label AND NEW.action = OLD.action
  AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
  AND (NEW.summary = OLD.summary OR instr(NEW.summary, '[erased]') > 0)
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
