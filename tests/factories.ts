// Builders for unit and integration tests. Each test runs on its own fresh in-memory database
// (tests/setup/unit-env.ts), so these insert freely.
import { loadExercises } from "#app/models/exercise.server";
import { loadRubrics } from "#app/models/rubric.server";
import { candidates, interviews, loops, positions, users, type InterviewStatus, type Role, type StageKey } from "#db/schema";
import { db } from "#app/utils/db.server";
import { hashPassword } from "#app/utils/password.server";
import { setRequestTime, systemNow } from "#app/utils/clock.server";
import { startSession } from "#app/utils/session.server";
import { RouterContextProvider } from "react-router";

let counter = 0;
const PASSWORD_HASH = hashPassword("correct horse battery");

export async function makeUser(role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  counter += 1;
  return db()
    .insert(users)
    .values({
      name: `Test ${role} ${counter}`,
      email: `${role}.${counter}@loopwise.test`,
      role,
      passwordHash: await PASSWORD_HASH,
      timeZone: "Europe/London",
      ...overrides,
    })
    .returning()
    .get();
}

/** Rubrics and kits loaded, one open position: what every loop needs. */
export function makeOrganisation() {
  const [rubric] = loadRubrics({ now: systemNow() });
  loadExercises({ now: systemNow() });
  const position = db()
    .insert(positions)
    .values({
      key: `pos-${++counter}`,
      title: "Lead ML Engineer, Fraud Platform",
      team: "Risk ML",
      location: "London",
      rubricVersionId: rubric!.id,
    })
    .returning()
    .get();
  return { rubricVersionId: rubric!.id, position };
}

/**
 * A candidate with an open loop scheduled by `scheduledById`: one interview per plan, `hoursFromNow`
 * negative for one in the past. Recruiter notes are set, so tests can check they never leak.
 */
export function makeLoop({
  positionId,
  rubricVersionId,
  scheduledById,
  plans,
}: {
  positionId: number;
  rubricVersionId: number;
  scheduledById: number;
  plans: { stage: StageKey; interviewerId: number; hoursFromNow: number; durationMinutes?: number; status?: InterviewStatus }[];
}) {
  counter += 1;
  const candidate = db()
    .insert(candidates)
    .values({
      name: `Candidate ${counter}`,
      email: `candidate.${counter}@example.com`,
      positionId,
      source: "referral",
      notes: "Recruiter note: expects 20% more than the band.",
    })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId, createdById: scheduledById }).returning().get();
  const rows = plans.map((p) =>
    db()
      .insert(interviews)
      .values({
        loopId: loop.id,
        stage: p.stage,
        interviewerId: p.interviewerId,
        scheduledAt: new Date(systemNow().getTime() + p.hoursFromNow * 3600_000),
        durationMinutes: p.durationMinutes ?? 60,
        status: p.status ?? "scheduled",
      })
      .returning()
      .get(),
  );
  return { candidate, loop, interviews: rows };
}

/** A request as the browser would send it, signed in as `userId` when given. */
export async function request(
  path: string,
  { userId, form, method }: { userId?: number; form?: Record<string, string>; method?: string } = {},
) {
  const headers = new Headers();
  if (userId) headers.set("Cookie", (await startSession(userId)).split(";")[0]!);
  const body = form ? new URLSearchParams(form) : undefined;
  if (body) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost${path}`, { method: method ?? (form ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns the thrown or returned Response/data uniformly. */
export async function run<T>(fn: () => Promise<T> | T): Promise<{ response?: Response; data?: T }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { response: result };
    // react-router's data() wraps as { type: "DataWithResponseInit", data, init }
    return { data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { response: thrown };
    throw thrown;
  }
}

/** The router context a loader or action receives, handled at `now` (the frozen test clock by default). */
export function routeContext(now: Date = systemNow()) {
  const context = new RouterContextProvider();
  setRequestTime(context, now);
  return context;
}

/** The arguments a loader or action is called with, as the router would pass them. */
export function routeArgs(request: Request, params: Record<string, string> = {}, now?: Date) {
  return { request, params, context: routeContext(now) } as never;
}
