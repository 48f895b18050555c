// `npm run db:backup [-- <file>]`: a consistent copy of the live database, taken with SQLite's
// online backup API while the app keeps serving. Default file: backups/loopwise-<UTC time>.db.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { env } from "#app/utils/env.server";
import { systemNow } from "#app/utils/clock.server";
import { backupDatabase, BackupError, fileStamp } from "./backups";

const destination = process.argv[2] ?? path.join("backups", `loopwise-${fileStamp(systemNow())}.db`);
mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
try {
  const done = await backupDatabase({ source: env().DATABASE_PATH, destination });
  console.log(`Backed up ${env().DATABASE_PATH} to ${done.destination} (${done.pages} pages, ${done.bytes} bytes; integrity check ok).`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
