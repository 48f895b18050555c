// The adverse-impact monitor, as totals: who reached each stage and outcome, by sex, by
// race/ethnicity and by every intersection of the two, with selection and scoring rates, impact
// ratios and exact tests (fairness-stats.ts). Pure: fairness.server.ts reads the people and passes
// them in; what comes out holds counts only, never a person.
import { RACE_ANSWERS, SEX_ANSWERS } from "#db/schema";
import { DEFAULT_THRESHOLD, impactTable, meanGap, median, type GroupResult, type Tally } from "./fairness-stats";
import { ANSWER_LABELS, PREFER_NOT } from "./self-identification";

export const UNKNOWN = "unknown";
export const UNKNOWN_LABEL = "Unknown (left blank or prefer not to say)";

/** One candidate, as the monitor counts them. Never leaves the server. */
export type CountedPerson = {
  sex: string | null;
  race: string | null;
  rubricVersion: number | null;
  /** Per stage assessed: whether every submitted scorecard of the stage recommended yes. */
  stages: Record<string, boolean>;
  /** Whether the recommendation's band is Hire or better; null when there is no band yet. */
  hireBand: boolean | null;
  /** Whether the decision was to hire; null when nothing is decided. */
  hired: boolean | null;
  dimensions: Record<string, number>;
  /** Per submitted scorecard: who wrote it, for which stage, and the mean of its levels. */
  ratings: { interviewerId: number; stage: string; mean: number }[];
};

export type Categorisation = "sex" | "race" | "intersection";
export const CATEGORISATIONS: { key: Categorisation; label: string }[] = [
  { key: "sex", label: "Sex" },
  { key: "race", label: "Race/ethnicity" },
  { key: "intersection", label: "Sex × race/ethnicity" },
];

const SEX_GROUPS = SEX_ANSWERS.filter((a) => a !== PREFER_NOT);
const RACE_GROUPS = RACE_ANSWERS.filter((a) => a !== PREFER_NOT);
const known = (answer: string | null, groups: readonly string[]) => (answer && groups.includes(answer) ? answer : UNKNOWN);

/** The group a person counts in: never imputed, anything not chosen from the list is unknown. */
export function groupOf(p: Pick<CountedPerson, "sex" | "race">, by: Categorisation): string {
  const sex = known(p.sex, SEX_GROUPS);
  const race = known(p.race, RACE_GROUPS);
  if (by === "sex") return sex;
  if (by === "race") return race;
  return sex === UNKNOWN || race === UNKNOWN ? UNKNOWN : `${sex}|${race}`;
}

/** Every group of a categorisation, in the order the form lists them, unknown last. */
export function groupsOf(by: Categorisation): string[] {
  if (by === "sex") return [...SEX_GROUPS, UNKNOWN];
  if (by === "race") return [...RACE_GROUPS, UNKNOWN];
  return [...SEX_GROUPS.flatMap((s) => RACE_GROUPS.map((r) => `${s}|${r}`)), UNKNOWN];
}

const sexLabel = (k: string) => (ANSWER_LABELS.sex as Record<string, string>)[k] ?? k;
const raceLabel = (k: string) =>
  (ANSWER_LABELS.raceEthnicity as Record<string, string>)[k]?.replace(/ \(not Hispanic or Latino\)/, "") ?? k;
export function groupLabel(key: string, by: Categorisation): string {
  if (key === UNKNOWN) return UNKNOWN_LABEL;
  if (by === "sex") return sexLabel(key);
  if (by === "race") return raceLabel(key);
  const [s, r] = key.split("|");
  return `${sexLabel(s!)} · ${raceLabel(r!)}`;
}

/** A group's row as it leaves the server: a suppressed group's counts are blanked too. */
export type ShownGroup = Omit<GroupResult, "n" | "selected"> & { label: string; n: number | null; selected: number | null };

export type Measure = {
  key: string;
  label: string;
  kind: "selection" | "scoring";
  /** How "selected" reads for this measure, for the page and the report. */
  selectedMeans: string;
  total: Tally;
  byCategory: Record<Categorisation, (GroupResult & { label: string })[]>;
  /** The share of this measure's people whose category is unknown, per categorisation. */
  unknownShare: Record<Categorisation, number | null>;
};

function measure(
  people: CountedPerson[],
  spec: { key: string; label: string; kind: Measure["kind"]; selectedMeans: string; outcome: (p: CountedPerson) => boolean | null },
  threshold: number,
): Measure {
  const counted = people.flatMap((p) => {
    const o = spec.outcome(p);
    return o === null ? [] : [{ p, selected: o }];
  });
  const total = { n: counted.length, selected: counted.filter((c) => c.selected).length };
  const byCategory = {} as Measure["byCategory"];
  const unknownShare = {} as Measure["unknownShare"];
  for (const { key: by } of CATEGORISATIONS) {
    const tallies = new Map(groupsOf(by).map((g) => [g, { n: 0, selected: 0 }]));
    for (const c of counted) {
      const t = tallies.get(groupOf(c.p, by))!;
      t.n += 1;
      if (c.selected) t.selected += 1;
    }
    const groups = [...tallies].map(([key, tally]) => ({ key, tally }));
    byCategory[by] = impactTable(groups, threshold, [UNKNOWN]).map((r) => ({ ...r, label: groupLabel(r.key, by) }));
    unknownShare[by] = total.n ? tallies.get(UNKNOWN)!.n / total.n : null;
  }
  return { key: spec.key, label: spec.label, kind: spec.kind, selectedMeans: spec.selectedMeans, total, byCategory, unknownShare };
}

export type MonitorInput = {
  people: CountedPerson[];
  stages: { key: string; label: string }[];
  dimensions: { key: string; label: string }[];
  threshold?: number;
};

/**
 * Every measure of the funnel (each stage passed, the Hire band, the hire) and, per dimension,
 * the scoring rate: the share scoring above the overall median of everyone scored on it (the
 * definition in NYC's rules for Local Law 144).
 */
export function monitor({ people, stages, dimensions, threshold = DEFAULT_THRESHOLD }: MonitorInput) {
  const selections: Measure[] = [
    ...stages.map((s) =>
      measure(
        people,
        {
          key: `stage:${s.key}`,
          label: `Passed ${s.label}`,
          kind: "selection",
          selectedMeans: `every submitted scorecard of ${s.label} recommended yes, of those assessed at it`,
          outcome: (p) => p.stages[s.key] ?? null,
        },
        threshold,
      ),
    ),
    measure(
      people,
      {
        key: "band:hire",
        label: "Recommended Hire or better",
        kind: "selection",
        selectedMeans: "the weighted recommendation's band was Hire or Strong hire, of those with a band",
        outcome: (p) => p.hireBand,
      },
      threshold,
    ),
    measure(
      people,
      {
        key: "decision:hire",
        label: "Hired",
        kind: "selection",
        selectedMeans: "the decision was Hire, of those decided",
        outcome: (p) => p.hired,
      },
      threshold,
    ),
  ];
  const scoring = dimensions.map((d) => {
    const cut = median(people.flatMap((p) => (d.key in p.dimensions ? [p.dimensions[d.key]!] : [])));
    return {
      median: cut,
      ...measure(
        people,
        {
          key: `dimension:${d.key}`,
          label: d.label,
          kind: "scoring",
          selectedMeans: "scored above the median of everyone scored on it",
          outcome: (p) => (d.key in p.dimensions && cut !== null ? p.dimensions[d.key]! > cut : null),
        },
        threshold,
      ),
    };
  });
  const applicants = people.length;
  const unknown = Object.fromEntries(
    CATEGORISATIONS.map(({ key }) => [key, people.filter((p) => groupOf(p, key) === UNKNOWN).length]),
  ) as Record<Categorisation, number>;
  const answered = people.filter((p) => p.sex !== null || p.race !== null).length;
  return { threshold, applicants, answered, unknown, selections, scoring, raters: raterGaps(people, threshold) };
}

export type Monitor = ReturnType<typeof monitor>;

const GRADED_STAGES = ["code_review", "take_home"];

/**
 * Per interviewer (all their scorecards) and per grader (their code-review and take-home
 * scorecards): the gap between the mean rating they gave a group's candidates and the mean they
 * gave everyone else of known category, with Welch's 95% interval. One value per candidate (the
 * mean of that rater's scorecards for them), so a candidate seen twice is not counted twice; a
 * gap is shown only when both sides have at least the threshold of candidates.
 */
function raterGaps(people: CountedPerson[], threshold: number) {
  const build = (keep: (stage: string) => boolean) => {
    const perRater = new Map<number, { p: CountedPerson; mean: number }[]>();
    for (const p of people) {
      const mine = new Map<number, number[]>();
      for (const r of p.ratings) if (keep(r.stage)) mine.set(r.interviewerId, [...(mine.get(r.interviewerId) ?? []), r.mean]);
      for (const [id, means] of mine)
        perRater.set(id, [...(perRater.get(id) ?? []), { p, mean: means.reduce((a, b) => a + b, 0) / means.length }]);
    }
    return [...perRater].map(([raterId, rated]) => ({
      raterId,
      candidates: rated.length,
      gaps: (["sex", "race"] as const).flatMap((by) =>
        groupsOf(by)
          .filter((g) => g !== UNKNOWN)
          .map((group) => {
            const inGroup = rated.filter((r) => groupOf(r.p, by) === group).map((r) => r.mean);
            const rest = rated.filter((r) => ![group, UNKNOWN].includes(groupOf(r.p, by))).map((r) => r.mean);
            const enough = inGroup.length >= threshold && rest.length >= threshold;
            return {
              seen: inGroup.length > 0,
              by,
              group,
              label: groupLabel(group, by),
              // A count under the threshold is withheld here too: beside a rater's name it could single someone out.
              n: inGroup.length >= threshold ? inGroup.length : null,
              rest: rest.length >= threshold ? rest.length : null,
              gap: enough ? meanGap(inGroup, rest) : null,
            };
          })
          // A group this rater never saw says nothing; one they saw too few of says "not enough data".
          .filter((g) => g.seen),
      ),
    }));
  };
  return { interviewers: build(() => true), graders: build((s) => GRADED_STAGES.includes(s)) };
}
