// An incident scenario (exercises/<debugging kit>/scenario.json): the sources a candidate can ask,
// the evidence each holds, drawn as real artefacts, what really happened and when, and the
// interviewer's ideal path and levels. Validated when the kit loads: a scenario that contradicts
// itself is refused with the file and the field, before any candidate sees it.
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9-]+$/, "must be lower-kebab-case")
  .max(60);
const label = z.string().trim().min(1).max(160);
const cell = z.union([z.string().max(400), z.number(), z.null()]);
/** A time on the incident's own calendar (no time zone: it is the story's local time). */
const clockTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a time like 2026-12-01T08:30");
const tableName = z.string().regex(/^[a-z][a-z0-9_.]*$/, "must be a lower-case table name");

export const DIMENSION_KEYS = [
  "ml_system_design",
  "software_engineering",
  "mlops_operations",
  "data_quality",
  "evaluation",
  "leadership",
  "communication",
] as const;

const Series = z.object({ name: label, values: z.array(z.number().nullable()).min(1).max(400) });

export const ArtefactSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("timeseries"),
    title: label,
    unit: z.string().max(20).default(""),
    x: z.array(z.string().min(1).max(20)).min(2).max(400),
    series: z.array(Series).min(1).max(6),
    markers: z
      .array(z.object({ at: z.string(), label }))
      .max(8)
      .default([]),
    yFromZero: z.boolean().default(false),
  }),
  z.object({
    type: z.literal("histogram"),
    title: label,
    bins: z.array(z.string().min(1).max(20)).min(2).max(60),
    series: z.array(Series).min(1).max(3),
  }),
  z.object({
    type: z.literal("table"),
    caption: label,
    columns: z.array(label).min(1).max(12),
    rows: z.array(z.array(cell)).min(1).max(200),
  }),
  z.object({ type: z.literal("log"), title: label, lines: z.array(z.string().max(400)).min(1).max(300) }),
  z.object({
    type: z.literal("code"),
    title: label,
    language: z.enum(["sql", "diff", "json", "yaml", "text"]),
    text: z.string().min(1).max(10000),
  }),
  z.object({ type: z.literal("note"), markdown: z.string().trim().min(1).max(4000) }),
]);

export type Artefact = z.infer<typeof ArtefactSchema>;

/** An artefact written out, or one of the scenario's shared artefacts by its id. */
const ArtefactOrRef = z.union([ArtefactSchema, z.object({ ref: id }).strict()]);

const EvidenceSchema = z.object({
  id,
  source: id,
  /** What the tool would call this result: the question it answers, never its finding. */
  title: label,
  /** How candidates ask for it: phrases matched by meaning (synonyms, word forms) against requests. */
  asks: z.array(z.string().trim().min(2).max(80)).min(1).max(40),
  /** Listed under its source for a click: only the entry points a tool opens on (a dashboard, the change log). */
  menu: z.boolean().default(false),
  /** It shows the cause (or half of it): never in a menu, only for a request specific to it. */
  showsCause: z.boolean().default(false),
  /** An action the scenario makes pointless (e.g. a rollback that can't help): no "meets" may require it. */
  deadEnd: z.boolean().default(false),
  /** Minutes of on-call time it takes to get this (a query, a canary): the incident clock moves by it. */
  minutes: z.number().int().min(1).max(240),
  /** Answerable by a warehouse query that reads all these tables. */
  query: z.object({ tables: z.array(tableName).min(1).max(4) }).optional(),
  artefacts: z.array(ArtefactOrRef).min(1).max(4),
  /** For the interviewer only: what this evidence shows. */
  meaning: z.string().trim().min(1).max(600),
});

const LevelSchema = z.object({
  dimension: z.enum(DIMENSION_KEYS),
  level: z.enum(["meets", "exceeds"]),
  /** What the candidate does, in the guide's words. */
  text: z.string().trim().min(1).max(300),
  /** Evidence that shows it on the path (any one of them); none: the interviewer judges it from what was said. */
  evidence: z.array(id).max(6).default([]),
  /** A signal the guide calls Lead-level. */
  lead: z.boolean().default(false),
});

const ScenarioFileSchema = z.object({
  format: z.literal(2),
  /** When the candidate is paged: the incident clock starts here and moves with each reveal. */
  clock: z.object({ start: clockTime }),
  sources: z
    .array(z.object({ id, name: z.string().trim().min(1).max(60), about: z.string().trim().min(1).max(300) }))
    .min(3)
    .max(14),
  /** What really happened, in order (interviewer only); every later artefact must agree with it. */
  timeline: z
    .array(z.object({ at: clockTime, what: z.string().trim().min(1).max(500), evidence: z.array(id).max(8).default([]) }))
    .min(3)
    .max(40),
  /** Tables the warehouse offers, with their columns, for the candidate's own queries. */
  tables: z
    .array(z.object({ name: tableName, columns: z.array(z.string().trim().min(1).max(60)).min(1).max(30) }))
    .max(20)
    .default([]),
  artefacts: z.record(id, ArtefactSchema).default({}),
  evidence: z.array(EvidenceSchema).min(8).max(60),
  /** What a strong candidate checks first, in order, and why. */
  idealPath: z
    .array(z.object({ evidence: id, why: z.string().trim().min(1).max(400) }))
    .min(3)
    .max(20),
  /** The kit's levels as signals, so the path view can say what was and wasn't done. */
  levels: z.array(LevelSchema).min(3).max(40),
  /** How the guide scores a sensible path that ran out of time. */
  ranOutOfTime: z.string().trim().min(1).max(600),
});

const minutesOf = (t: string) => Date.parse(`${t}:00Z`) / 60_000;

export const ScenarioSchema = ScenarioFileSchema.superRefine((s, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const sources = new Set(s.sources.map((c) => c.id));
  const tables = new Set(s.tables.map((t) => t.name));
  const ids = new Set(s.evidence.map((e) => e.id));
  const deadEnds = new Set(s.evidence.filter((e) => e.deadEnd).map((e) => e.id));
  const seen = new Set<string>();
  s.evidence.forEach((e, i) => {
    const at = (...rest: (string | number)[]) => ["evidence", i, ...rest];
    if (seen.has(e.id)) issue(at("id"), `"${e.id}" is used twice`);
    seen.add(e.id);
    if (!sources.has(e.source)) issue(at("source"), `unknown source "${e.source}"`);
    if (e.menu && e.showsCause) issue(at("menu"), `"${e.id}" shows the cause, so it can't be listed in a menu: the candidate asks for it`);
    e.query?.tables.forEach((t, j) => {
      if (!tables.has(t)) issue(at("query", "tables", j), `unknown table "${t}" (not in "tables")`);
    });
    e.artefacts.forEach((a, j) => {
      if ("ref" in a) {
        if (!s.artefacts[a.ref]) issue(at("artefacts", j, "ref"), `unknown artefact "${a.ref}"`);
        return;
      }
      checkArtefact(a, (path, message) => issue(at("artefacts", j, ...path), message));
    });
  });
  Object.entries(s.artefacts).forEach(([key, a]) => checkArtefact(a, (path, message) => issue(["artefacts", key, ...path], message)));
  if (!s.evidence.some((e) => e.menu)) issue(["evidence"], "no item is listed in a menu: give the sources an entry point");
  if (!s.evidence.some((e) => e.showsCause)) issue(["evidence"], "no item shows the cause");

  let previous: string | null = null;
  s.timeline.forEach((event, i) => {
    if (previous && minutesOf(event.at) < minutesOf(previous))
      issue(["timeline", i, "at"], `runs backwards: ${event.at} comes after ${previous}`);
    previous = event.at;
    event.evidence.forEach((ref, j) => {
      if (!ids.has(ref)) issue(["timeline", i, "evidence", j], `unknown evidence "${ref}"`);
    });
  });
  if (previous && minutesOf(previous) > minutesOf(s.clock.start))
    issue(["clock", "start"], `the candidate is paged at ${s.clock.start}, before the timeline's last event (${previous})`);

  s.idealPath.forEach((step, i) => {
    if (!ids.has(step.evidence)) issue(["idealPath", i, "evidence"], `unknown evidence "${step.evidence}"`);
    else if (deadEnds.has(step.evidence))
      issue(["idealPath", i, "evidence"], `"${step.evidence}" is a dead end: the ideal path can't need it`);
  });
  s.levels.forEach((level, i) => {
    level.evidence.forEach((ref, j) => {
      if (!ids.has(ref)) issue(["levels", i, "evidence", j], `unknown evidence "${ref}"`);
      else if (deadEnds.has(ref) && level.level === "meets")
        issue(["levels", i, "evidence", j], `"meets" can't require "${ref}": the scenario makes it pointless`);
    });
  });
}).transform(({ artefacts, ...s }) => ({
  ...s,
  // Shared artefacts are written into each item that uses them, so what is stored reads on its own.
  evidence: s.evidence.map((e) => ({ ...e, artefacts: e.artefacts.map((a) => ("ref" in a ? artefacts[a.ref]! : a)) })),
}));

function checkArtefact(a: Artefact, issue: (path: (string | number)[], message: string) => void) {
  if (a.type === "timeseries" || a.type === "histogram") {
    const points = a.type === "timeseries" ? a.x.length : a.bins.length;
    a.series.forEach((series, k) => {
      if (series.values.length !== points)
        issue(["series", k, "values"], `has ${series.values.length} values for ${points} ${a.type === "timeseries" ? "x labels" : "bins"}`);
    });
  }
  if (a.type === "timeseries")
    a.markers.forEach((m, k) => {
      if (!a.x.includes(m.at)) issue(["markers", k, "at"], `"${m.at}" is not one of x`);
    });
  if (a.type === "table")
    a.rows.forEach((row, k) => {
      if (row.length !== a.columns.length) issue(["rows", k], `has ${row.length} cells for ${a.columns.length} columns`);
    });
}

export type Scenario = Omit<z.output<typeof ScenarioSchema>, "clock"> & {
  /** Null for a scenario stored before the incident clock existed: its runs keep no clock. */
  clock: { start: string } | null;
};
export type EvidenceItem = Omit<Scenario["evidence"][number], "artefacts"> & { artefacts: Artefact[] };
export type ScenarioLevel = Scenario["levels"][number];

/** A scenario as kits stored it before sources, asks and the clock: categories, titles and keywords. */
export type LegacyScenario = {
  categories: { id: string; title: string }[];
  evidence: { id: string; title: string; category: string; keywords: string[]; artefacts: Artefact[]; meaning: string }[];
  idealPath: { evidence: string; why: string }[];
};

/**
 * The scenario of a stored kit version. Kits loaded before the rebuilt simulation stored the old
 * shape; their runs keep that content, read as sources (the old categories) whose every item is
 * listed, as it was then, with no incident clock.
 */
export type StoredScenario = Scenario | LegacyScenario;

export function readScenario(stored: StoredScenario | null | undefined): Scenario | null {
  if (!stored || typeof stored !== "object") return null;
  if ((stored as { format?: unknown }).format === 2) return stored as Scenario;
  const legacy = stored as LegacyScenario;
  if (!Array.isArray(legacy.categories) || !Array.isArray(legacy.evidence)) return null;
  return {
    format: 2,
    clock: null,
    sources: legacy.categories.map((c) => ({ id: c.id, name: c.title, about: "" })),
    timeline: [],
    tables: [],
    evidence: legacy.evidence.map((e) => ({
      id: e.id,
      source: e.category,
      title: e.title,
      asks: [e.title, ...e.keywords],
      menu: true,
      showsCause: false,
      deadEnd: false,
      minutes: 0,
      artefacts: e.artefacts,
      meaning: e.meaning,
    })),
    idealPath: legacy.idealPath,
    levels: [],
    ranOutOfTime: "",
  };
}

/** "Tue 08:30" for a time on the incident's calendar. */
export function formatClock(minutes: number): string {
  const d = new Date(minutes * 60_000);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  return `${day} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

export const clockMinutes = minutesOf;
