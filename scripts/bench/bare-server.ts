// The bare reference of `npm run bench`: node:http and better-sqlite3, no React Router, no
// rendering, answering GET /candidate/<id> and GET /calibration as JSON with the same model
// calls the candidate page and calibration loaders make (app/routes/_app.candidates.$candidateId._index.tsx
// and app/routes/_app.calibration.tsx). Because it imports the app's own models, "the same SQL"
// stays true as they change; the bench's app/bare ratios are then what the framework, the
// session check and the rendering cost. Run by the bench with PORT and DATABASE_PATH set.
import { createServer } from "node:http";
import { getCalibration } from "#app/models/calibration.server";
import { getCandidate } from "#app/models/candidate.server";
import { getDecision } from "#app/models/decision.server";
import { owedScorecards, withStates } from "#app/models/interview-status";
import { getLatestLoop } from "#app/models/loop.server";
import { getLoopRecommendation } from "#app/models/recommendation.server";
import { getLatestRubricVersion, getRubricDetail } from "#app/models/rubric.server";
import { codeReviewsOf } from "#app/models/code-review-link.server";

async function candidatePage(candidateId: number, now: Date) {
  const candidate = getCandidate(candidateId);
  if (!candidate) return null;
  const loop = getLatestLoop(candidate.id);
  const interviews = loop ? withStates(loop.interviews, now) : [];
  return {
    candidate,
    loop: loop && { id: loop.id, status: loop.status, createdAt: loop.createdAt, interviews },
    recommendation: loop ? getLoopRecommendation(loop, now) : null,
    decision: loop ? getDecision(loop.id) : null,
    codeReviews: await codeReviewsOf(loop, { links: true }, now),
    owed: owedScorecards(interviews),
    now: now.getTime(),
  };
}

function calibrationPage() {
  const rubric = getLatestRubricVersion("lead-ml-engineer");
  const dimensions = (rubric ? (getRubricDetail(rubric.id)?.dimensions ?? []) : []).map((d) => ({ key: d.key, name: d.name }));
  return { ...getCalibration(), dimensions };
}

async function answer(path: string): Promise<[number, unknown]> {
  // The reference reads the clock where the app's root middleware does: once per request.
  const now = new Date();
  if (path === "/healthz") return [200, { ok: true }];
  if (path === "/calibration") return [200, calibrationPage()];
  const id = /^\/candidate\/(\d{1,12})$/.exec(path)?.[1];
  const page = id ? await candidatePage(Number(id), now) : null;
  return page ? [200, page] : [404, { error: "not found" }];
}

const server = createServer((req, res) => {
  answer(new URL(req.url ?? "/", "http://localhost").pathname)
    .then(([status, body]) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    })
    .catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(error instanceof Error ? (error.stack ?? error.message) : String(error));
    });
});

server.listen(Number(process.env.PORT), () => console.log(`bare reference on port ${process.env.PORT}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
