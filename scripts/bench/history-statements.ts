// The prepared inserts of the history generator, with named parameters. Every stamp is passed
// in: a column's default is SQLite's clock, which would put rows after the history's `now`.
import type { Db } from "#app/utils/db.server";

export function historyStatements(db: Db) {
  const prepare = (text: string) => db.$client.prepare(text);
  return {
    user: prepare(`insert into users (email, name, title, role, password_hash, time_zone, created_at, updated_at)
      values (@email, @name, @title, @role, @hash, 'UTC', @at, @at)`),
    position: prepare(`insert into positions (key, title, team, location, rubric_version_id, created_at)
      values (@key, @title, 'Machine Learning', 'Remote', @rubricId, @at)`),
    candidate: prepare(`insert into candidates (name, email, position_id, source, created_by_id, created_at, updated_at)
      values (@name, @email, @positionId, @source, @by, @at, @at)`),
    loop: prepare(`insert into loops (candidate_id, rubric_version_id, status, created_by_id, created_at, updated_at)
      values (@candidateId, @rubricId, 'open', @by, @at, @at)`),
    closeLoop: prepare("update loops set status = 'closed', closed_at = @at, updated_at = @at where id = @loopId"),
    interview: prepare(`insert into interviews
        (loop_id, stage, interviewer_id, exercise_id, scheduled_at, duration_minutes, status, created_at, updated_at)
      values (@loopId, @stage, @interviewerId, @exerciseId, @scheduledAt, @minutes, @status, @at, @at)`),
    scorecard: prepare(`insert into scorecards
        (interview_id, interviewer_id, rubric_version_id, status, recommendation, takeaways, submitted_at, revision, created_at, updated_at)
      values (@interviewId, @interviewerId, @rubricId, @status, @recommendation, @takeaways, @submittedAt, 1, @createdAt, @updatedAt)`),
    rating: prepare(`insert into ratings (scorecard_id, dimension_key, level, not_assessed, evidence)
      values (@scorecardId, @dimension, @level, @notAssessed, @evidence)`),
    signal: prepare("insert into scorecard_signals (scorecard_id, signal_key, note) values (@scorecardId, @signal, @note)"),
    decision: prepare(`insert into decisions (loop_id, decision, rationale, score_at_decision, band_at_decision, decided_by_id, decided_at)
      values (@loopId, @decision, 'Debriefed with the panel; see the scorecards.', @score, @band, @by, @at)`),
    assignment: prepare(`insert into assignments
        (candidate_id, interview_id, exercise_id, status, token_id, link_expires_at, time_limit_minutes, started_at, deadline_at,
         created_by_id, created_at, updated_at)
      values (@candidateId, @interviewId, @exerciseId, 'started', @tokenId, @linkExpiresAt, @minutes, @startedAt, @deadlineAt,
         @by, @issuedAt, @startedAt)`),
  };
}

/** The new row's id. */
export const rowId = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);
