// The candidate's archive, for the grader to open on their own machine: always a download, never
// displayed or unpacked by the app.
import { createReadStream, existsSync } from "node:fs";
import { interviewFor } from "#app/models/interview-access.server";
import { Readable } from "node:stream";
import type { Route } from "./+types/interviews.$interviewId.take-home.archive";
import { getTakeHome } from "#app/models/take-home.server";
import { idParam, notFound } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { storedArchivePath } from "#app/utils/uploads.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(params.interviewId), "read");
  const submission = getTakeHome(interview.id)?.submission;
  const file = submission?.storedName ? storedArchivePath(submission.storedName) : null;
  if (!submission || !file || !existsSync(file)) notFound("No archive was submitted for this take-home.");
  // Named by the assignment, not the candidate's file name, so a blind grader learns nothing from it.
  const name = `take-home-${submission.assignmentId}.${submission.archiveType}`;
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(submission.bytes ?? ""),
    },
  });
}
