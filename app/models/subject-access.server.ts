// Everything held about one candidate, for a subject-access request: every row of every table
// that leads back to them by foreign keys (found from the schema itself, so a table added later
// is included without anyone remembering to), plus the audit log's entries about their records.
// Colleagues are not the candidate's data: each Loopwise user appears as their role and a number
// ("Interviewer 2"), in the columns that point at them and wherever their name appears in text.
import { eq, inArray } from "drizzle-orm";
import { candidates, exercises, positions, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { ROLE_LABELS } from "./labels";
import { DERIVED_TABLES } from "./aggregates.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { auditEntriesAbout, identitiesOf, REFERENCED, signInsTypedWith } from "./candidate-data.server";
import { getRubricDetail } from "./rubric.server";

type Row = Record<string, unknown>;
type ForeignKey = { table: string; from: string; to: string | null };

export const COLLEAGUE_POLICY =
  "Names of the company's staff (interviewers, hiring managers and administrators) are third parties' personal data. " +
  "Each appears as their role and a number, the same person always with the same label, including where their name was written in text.";

/** Tables whose rows lead back to the candidate, each with the rows that do; candidates first. */
function rowsAbout(candidateId: number): Map<string, Row[]> {
  const client = db().$client;
  const tables = (
    client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name",
      )
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((t) => !DERIVED_TABLES.includes(t) && t !== "audit_log");
  const keys = new Map(tables.map((t) => [t, client.pragma(`foreign_key_list("${t}")`) as ForeignKey[]]));
  const found = new Map<string, Map<number, Row>>([["candidates", new Map()]]);
  for (const row of client.prepare("select rowid as __rowid, * from candidates where id = ?").all(candidateId) as Row[])
    found.get("candidates")!.set(row.__rowid as number, row);
  const ids = (table: string) => [...(found.get(table)?.values() ?? [])].map((r) => r.id).filter((id) => typeof id === "number");
  // Follow child tables until nothing new turns up (a grade item reaches the candidate twice).
  for (let changed = true; changed;) {
    changed = false;
    for (const table of tables)
      for (const fk of keys.get(table)!) {
        if (fk.table === table || (fk.to !== null && fk.to !== "id")) continue;
        const parents = ids(fk.table);
        if (!parents.length) continue;
        const rows = client
          .prepare(`select rowid as __rowid, * from "${table}" where "${fk.from}" in (select value from json_each(?))`)
          .all(JSON.stringify(parents)) as Row[];
        const seen = found.get(table) ?? found.set(table, new Map()).get(table)!;
        for (const row of rows)
          if (!seen.has(row.__rowid as number)) {
            seen.set(row.__rowid as number, row);
            changed = true;
          }
      }
  }
  // Rows the candidate's rows point at that are about them too (an email a reminder sent).
  for (const { table, ids } of REFERENCED) {
    const rows = client.prepare(`select rowid as __rowid, * from "${table}" where id in (${ids})`).all({ candidate: candidateId }) as Row[];
    if (!rows.length) continue;
    const seen = found.get(table) ?? found.set(table, new Map()).get(table)!;
    for (const row of rows) seen.set(row.__rowid as number, row);
  }
  const out = new Map<string, Row[]>();
  for (const [table, rows] of found)
    out.set(
      table,
      [...rows.values()].map(({ __rowid: _, ...row }) => row),
    );
  return out;
}

/** The export as data: JSON-ready tables, the audit entries, and who the colleagues are by label. */
export function subjectAccessData(candidateId: number, now: Date) {
  const candidate = db()
    .select({ id: candidates.id, name: candidates.name, email: candidates.email, erasedAt: candidates.erasedAt })
    .from(candidates)
    .where(eq(candidates.id, candidateId))
    .get();
  if (!candidate || candidate.erasedAt) return null;
  const client = db().$client;
  const tables = rowsAbout(candidateId);
  const userColumns = (table: string) =>
    (client.pragma(`foreign_key_list("${table}")`) as ForeignKey[]).filter((fk) => fk.table === "users").map((fk) => fk.from);

  // Their records' entries, and failed sign-ins typed with an address they have had.
  const identities = identitiesOf(candidate);
  const audit = [
    ...new Map([...auditEntriesAbout(candidateId), ...signInsTypedWith(identities.emails)].map((e) => [e.id, e])).values(),
  ].sort((a, b) => a.id - b.id);
  const linked = new Set<number>();
  for (const [table, rows] of tables)
    for (const column of userColumns(table)) for (const r of rows) if (typeof r[column] === "number") linked.add(r[column]);
  for (const e of audit) if (e.actorId !== null) linked.add(e.actorId);
  const colleagues = colleagueLabels(linked);
  const redact = redactor(colleagues, identities.names);

  const data: Record<string, Row[]> = {};
  for (const [table, rows] of tables) {
    const pointers = userColumns(table);
    data[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          pointers.includes(k) && typeof v === "number" ? colleagues.label(v) : typeof v === "string" ? redact(v) : v,
        ]),
      ),
    );
  }
  const auditLog = audit.map((e) => ({
    at: new Date(e.at).toISOString(),
    by: e.actorId === null ? e.actorLabel : colleagues.label(e.actorId),
    action: e.action,
    about: `${e.entityType} ${e.entityId}`,
    summary: redact(e.summary),
    before: parseJson(e.before === null ? null : redact(e.before)),
    after: parseJson(e.after === null ? null : redact(e.after)),
  }));
  return {
    candidateId,
    generatedAt: now.toISOString(),
    policy: COLLEAGUE_POLICY,
    times: "Columns ending in _at hold milliseconds since 1970-01-01 UTC.",
    tables: data,
    auditLog,
  };
}

export type SubjectAccessData = NonNullable<ReturnType<typeof subjectAccessData>>;

/**
 * Every user, each with a label by role and number: those the candidate's rows point at are
 * numbered first (they are the ones the reader meets), then everyone else, who may still be named
 * in some text (a hiring manager mentioned in evidence, a reminder's addressee).
 */
function colleagueLabels(linked: Set<number>) {
  const people = db()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .all()
    .sort((a, b) => Number(linked.has(b.id)) - Number(linked.has(a.id)) || a.id - b.id);
  const perRole = new Map<string, number>();
  const labels = new Map(
    people.map((p) => {
      const n = (perRole.get(p.role) ?? 0) + 1;
      perRole.set(p.role, n);
      return [p.id, `${ROLE_LABELS[p.role]} ${n}`];
    }),
  );
  return { people, label: (id: number) => labels.get(id) ?? "A colleague" };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const words = (name: string) => name.split(/[\s,]+/).filter(Boolean);

/**
 * Replaces each colleague's email address, full name, given name and family name with their
 * label. Names match as whole words with their capital ("Mei" is not in "Meitner", nor "Rose" in
 * "rose by 3%"); addresses in any case. A given or family name two colleagues share becomes "A
 * colleague" (it could be either), and a word of one of the candidate's own names is left as it
 * is (a colleague named like the candidate must not take the candidate's name out of their data).
 */
function redactor({ people, label }: ReturnType<typeof colleagueLabels>, candidateNames: string[]) {
  const own = new Set(candidateNames.flatMap(words));
  const ownFull = new Set(candidateNames.map((n) => n.trim()));
  const names = new Map<string, string>();
  const add = (name: string, to: string) => names.set(name, names.has(name) && names.get(name) !== to ? "A colleague" : to);
  for (const p of people) {
    const [given, ...rest] = words(p.name);
    for (const part of new Set([given, rest.at(-1)])) if (part && /^\p{L}{2}/u.test(part) && !own.has(part)) add(part, label(p.id));
  }
  for (const p of people) if (p.name.trim() && !ownFull.has(p.name.trim())) names.set(p.name.trim(), label(p.id));
  // Two colleagues of the same full name: either could be meant.
  for (const p of people) if (people.some((q) => q.id !== p.id && q.name.trim() === p.name.trim())) names.set(p.name.trim(), "A colleague");
  const addresses = new Map(people.map((p) => [p.email.toLowerCase(), label(p.id)]));
  // One pattern each, longest first, so a full name is replaced whole before its given name could be.
  const pattern = (keys: string[], flags: string, edge: string) =>
    keys.length
      ? new RegExp(
          `(?<!${edge})(?:${[...keys]
            .sort((a, b) => b.length - a.length)
            .map(escape)
            .join("|")})(?!${edge})`,
          flags,
        )
      : null;
  const byAddress = pattern([...addresses.keys()], "giu", "[\\p{L}\\p{N}._%+@-]");
  const byName = pattern([...names.keys()], "gu", "[\\p{L}\\p{N}]");
  return (text: string) => {
    const t = byAddress ? text.replace(byAddress, (m) => addresses.get(m.toLowerCase()) ?? m) : text;
    return byName ? t.replace(byName, (m) => names.get(m) ?? m) : t;
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Names for the keys the rows hold (position, stages' rubric dimensions and signals, exercises), for the readable copy. */
export function subjectAccessLabels(data: SubjectAccessData) {
  const versionIds = new Set([...(data.tables.scorecards ?? []), ...(data.tables.loops ?? [])].map((r) => r.rubric_version_id as number));
  const rubrics = Object.fromEntries(
    [...versionIds].map((id) => {
      const r = getRubricDetail(id);
      return [
        id,
        {
          dimensions: Object.fromEntries(
            (r?.dimensions ?? []).map((d) => [
              d.key,
              { name: d.name, levels: Object.fromEntries(d.levels.map((l) => [l.level, l.label])) },
            ]),
          ),
          signals: Object.fromEntries((r?.signals ?? []).map((s) => [s.key, s.text])),
        },
      ];
    }),
  );
  const position = data.tables.candidates?.[0]
    ? db()
        .select({ title: positions.title })
        .from(positions)
        .where(eq(positions.id, data.tables.candidates[0].position_id as number))
        .get()
    : undefined;
  const exerciseIds = [...(data.tables.interviews ?? []), ...(data.tables.assignments ?? [])]
    .map((r) => r.exercise_id)
    .filter((id): id is number => typeof id === "number");
  const exerciseTitles = Object.fromEntries(
    exerciseIds.length
      ? db()
          .select({ id: exercises.id, title: exercises.title })
          .from(exercises)
          .where(inArray(exercises.id, exerciseIds))
          .all()
          .map((e) => [e.id, e.title])
      : [],
  );
  return { positionTitle: position?.title ?? "", rubrics, exerciseTitles };
}

export type SubjectAccessLabels = ReturnType<typeof subjectAccessLabels>;

/** Handing someone's data out is itself recorded: who exported it and when. */
export function recordSubjectAccessExport(actor: AuditActor, candidateId: number, format: string, now: Date) {
  recordAudit(db(), {
    actor,
    at: now,
    action: "create",
    entityType: "candidate",
    entityId: candidateId,
    summary: `Exported candidate #${candidateId}'s data for a subject-access request (${format.toUpperCase()})`,
  });
}
