// `npm run db:setup`: migrate, load rubrics and exercises, seed the demo organisation if the
// database is empty, and print the demo logins. Safe to run on every start.
import { openDatabase, replaceDatabase } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { env } from "#app/utils/env.server";
import { ensureLocalEnvFile } from "./local-env";
import { loadExercises } from "#app/models/exercise.server";
import { loadGoldSamples } from "#app/models/gold-sample.server";
import { loadRubrics, unloadedRubricFiles } from "#app/models/rubric.server";
import { listRubricVersions } from "#app/models/rubric-version.server";
import { seedDemoData } from "./seed";
import { ensureAggregates } from "#app/models/aggregates.server";
import { DEMO_PASSWORD, INVITED, users } from "./seed-data";

ensureLocalEnvFile();
const database = openDatabase(env().DATABASE_PATH);
// The models below read the process's database: make it this one.
replaceDatabase(database);
const now = systemNow();
const rubrics = loadRubrics({ now, database });
const exercises = loadExercises({ now, database });
const { seeded } = await seedDemoData(database, now);
// After the seed: the samples are rated on the newest published rubric version.
const gold = loadGoldSamples({ now, database });
ensureAggregates();
const published = listRubricVersions().filter((v) => v.status === "published");
// Files of a rubric the database already has are published in the app, after their impact preview.
const waiting = unloadedRubricFiles();
database.$client.pragma("wal_checkpoint(TRUNCATE)");
database.$client.close();

console.log(`Database ${env().DATABASE_PATH}: migrated; ${rubrics.length} rubric version(s), ${exercises.length} exercise(s) loaded.`);
console.log(
  `${gold.loaded.length} gold sample(s) loaded${gold.waiting.length ? `; waiting for their rubric version: ${gold.waiting.map((w) => w.slug).join(", ")}` : ""}.`,
);
console.log(seeded ? "Demo organisation seeded." : "Existing data kept (seeding only fills an empty database).");
for (const v of published) console.log(`New loops use ${v.title} v${v.version}.`);
for (const f of waiting)
  console.log(`rubrics/${f.name} isn't loaded: load it as a draft on the Rubric page, preview its impact and publish it.`);
console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD})`);
for (const u of users) console.log(`  ${u.role.padEnd(15)} ${u.email.padEnd(28)} ${u.name}`);
if (seeded)
  console.log(`  (invited)       ${INVITED.email.padEnd(28)} ${INVITED.name}: no password yet; her invitation is in Settings → Outbox`);
console.log("");
