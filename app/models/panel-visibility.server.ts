// Anti-anchoring, written once: an interviewer sees colleagues' scorecards for a loop (on the
// scorecard page, the debrief, exports, and anything computed from them such as S and its band)
// only after submitting their own scorecard in that loop. The hiring team always sees them.
import { sql, type SQL } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import { can } from "./permissions";
import type { Role } from "#db/schema";

type Viewer = { id: number; role: Role };

/** The loops in which `interviewerId` has submitted a scorecard for a live (not cancelled) interview. */
const loopsJoinedBy = (interviewerId: number) => sql`(
  select pv_i.loop_id from interviews pv_i join scorecards pv_s on pv_s.interview_id = pv_i.id
  where pv_s.interviewer_id = ${interviewerId} and pv_s.status = 'submitted' and pv_i.status != 'cancelled')`;

/** A condition for list queries: true for the rows whose loop's panel `viewer` may see. */
export function panelVisibleWhere(viewer: Viewer, loopId: SQL): SQL {
  return can(viewer, "loops:manage") ? sql`1 = 1` : sql`${loopId} in ${loopsJoinedBy(viewer.id)}`;
}

export function canSeePanel(viewer: Viewer, loopId: number): boolean {
  return Boolean(db().get(sql`select 1 as ok where ${panelVisibleWhere(viewer, sql`${loopId}`)}`));
}
