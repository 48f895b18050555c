// `npm run db:restore <file>`: replaces the database with a backup after checking it opens, is a
// Loopwise database and passes PRAGMA integrity_check; nothing changes when a check fails. The
// current database is kept beside it first. Stop the app before restoring and start it after.
import { readFileSync } from "node:fs";
import { env } from "#app/utils/env.server";
import { openDatabase } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { BackupError, fileStamp, restoreDatabase } from "./backups";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore <backup file>");
  process.exit(2);
}
const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
const target = env().DATABASE_PATH;
try {
  const done = await restoreDatabase({ file, target, knownMigrations: journal.entries.length, stamp: fileStamp(systemNow()) });
  // A backup from an older version is brought up to this version's schema now, not at first request.
  openDatabase(target).$client.close();
  console.log(`Restored ${target} from ${file} (integrity check ok, migrated).`);
  if (done.saved) console.log(`The database it replaced is kept as ${done.saved}.`);
  console.log("Start the app again (npm start) so it reads the restored data.");
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore refused, nothing changed: ${error.message}`);
  process.exit(1);
}
