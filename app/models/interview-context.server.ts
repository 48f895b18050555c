// What an interviewer is told about the rest of a candidate's loop before they walk in: which
// stages came before and how far each has got, and who else is on the panel. Never a rating, an
// evidence note or a recommendation: those follow the panel rule (panel-visibility.server.ts),
// and this says only whether that rule already opens the panel's scorecards to the viewer.
import { and, asc, eq, ne } from "drizzle-orm";
import { interviews, scorecards, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { withStates, type InterviewState } from "./interview-status";
import { canSeePanel } from "./panel-visibility.server";
import type { Role } from "#db/schema";

export type PanelStage = {
  interviewId: number;
  stage: (typeof interviews.$inferSelect)["stage"];
  scheduledAt: Date;
  interviewerName: string;
  isViewer: boolean;
  /** How far it has got, and nothing of what its scorecard says. */
  progress: InterviewState["kind"];
  earlier: boolean;
};

export function interviewContext(
  viewer: { id: number; role: Role },
  interview: { id: number; loopId: number; scheduledAt: Date },
  now: Date,
): { panel: PanelStage[]; panelOpen: boolean } {
  const rows = db()
    .select({
      id: interviews.id,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      interviewerId: interviews.interviewerId,
      interviewerName: users.name,
      scorecardStatus: scorecards.status,
      scorecardSubmittedAt: scorecards.submittedAt,
    })
    .from(interviews)
    .innerJoin(users, eq(users.id, interviews.interviewerId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(eq(interviews.loopId, interview.loopId), ne(interviews.status, "cancelled"), ne(interviews.id, interview.id)))
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
    .all();
  return {
    panel: withStates(rows, now).map((r) => ({
      interviewId: r.id,
      stage: r.stage,
      scheduledAt: r.scheduledAt,
      interviewerName: r.interviewerName,
      isViewer: r.interviewerId === viewer.id,
      progress: r.state.kind,
      earlier: r.scheduledAt < interview.scheduledAt,
    })),
    panelOpen: canSeePanel(viewer, interview.loopId),
  };
}
