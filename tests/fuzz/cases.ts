// Who sends the fuzzer's requests, and about what: every kind of visitor against every kind of
// object a route parameter can name in the seeded organisation, plus parameters that aren't ids.
import fc from "fast-check";
import type { Organisation } from "./organisation";

export type Actor = "anonymous" | "owner" | "other interviewer" | "hiring manager" | "admin";
export const ACTORS: Actor[] = ["anonymous", "owner", "other interviewer", "hiring manager", "admin"];

type Person = keyof Organisation["people"];
/** What a parameter names; `owner` is the interviewer it belongs to (or the user it is). */
type Subject = { label: string; value: string; owner: Person; editable?: boolean; notAnId?: true };

export type Case = {
  label: string;
  url: string;
  params: Record<string, string>;
  actor: Actor;
  actorId?: number;
  cookie?: string;
  subject?: Subject;
};

const NOT_IDS = ["0", "-1", "abc", "1e3", "1.5", " 1", "99999999999999999999", "__proto__", "constructor", "%00", "١", "\u202E1"];

function subjectsFor(param: string, fx: Organisation): Subject[] {
  const ids = (entries: [string, { id: number }, Person, boolean?][]) =>
    entries.map(([label, o, owner, editable]) => ({ label, value: String(o.id), owner, editable }));
  const iv = fx.interviews;
  const known: Record<string, () => Subject[]> = {
    candidateId: () =>
      ids([
        ["candidate with an open loop", fx.candidates.ada, "ana"],
        ["candidate with a decided loop", fx.candidates.bo, "ana"],
        ["candidate with a review to grade", fx.candidates.dee, "eve"],
        ["candidate without a loop", fx.candidates.unscheduled, "ana"],
      ]),
    // `editable`: its interviewer may still save a draft of its scorecard.
    interviewId: () =>
      ids([
        ["submitted interview", iv.submitted, "ana", false],
        ["interview with a draft", iv.draft, "ben", true],
        ["interview owed a scorecard", iv.owed, "cara", true],
        ["upcoming interview", iv.upcoming, "dan", true],
        ["cancelled interview", iv.cancelled, "cara", false],
        ["code review in progress", iv.reviewing, "eve", true],
        ["interview in a decided loop", iv.decided, "ana", false],
        ["code review to grade", iv.graded, "eve", true],
      ]),
    userId: () =>
      ids([
        ["the admin", fx.people.admin, "admin"],
        ["a hiring manager", fx.people.hm, "hm"],
        ["an interviewer", fx.people.ana, "ana"],
        ["a deactivated user", fx.people.gone, "gone"],
      ]),
    versionId: () => [
      { label: "the published rubric", value: String(fx.rubricVersions.published), owner: "hm" },
      { label: "a draft rubric", value: String(fx.rubricVersions.draft), owner: "hm" },
    ],
    // Gold samples are named by slug; the fuzz organisation loads none, so each is "no such sample".
    slug: () => [
      { label: "a gold sample", value: "sd-fraud-canary-prompted", owner: "ana" },
      { label: "an unknown gold sample", value: "no-such-sample", owner: "ana" },
      { label: "a pre-graded code review", value: "cr-fraud-many-nits", owner: "ana" },
    ],
    token: () => [
      { label: "link to a review in progress", value: fx.tokens.inProgress, owner: "ana" },
      { label: "link to a submitted review", value: fx.tokens.submitted, owner: "ana" },
      { label: "tampered link", value: fx.tokens.inProgress.slice(0, -4) + "AAAA", owner: "ana" },
      { label: "unsigned link", value: "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", owner: "ana" },
    ],
  };
  const make = known[param];
  if (!make) throw new Error(`The fuzzer doesn't know what the route parameter "$${param}" names: add it to subjectsFor.`);
  return [
    ...make(),
    ...NOT_IDS.map((value) => ({ label: `not an id (${JSON.stringify(value)})`, value, owner: "ana" as Person, notAnId: true as const })),
  ];
}

/** Every visitor about every subject of a route, named by its file (`_app.interviews.$interviewId.edit`). */
export function casesFor(route: string, fx: Organisation, actors: Actor[]): Case[] {
  const segments = route.split(".");
  const params = segments.filter((s) => s.startsWith("$")).map((s) => s.slice(1));
  if (params.length > 1) throw new Error(`${route}: teach casesFor about routes with two parameters.`);
  const param = params[0];
  const subjects: (Subject | undefined)[] = param ? subjectsFor(param, fx) : [undefined];
  const path = (value = "") =>
    segments
      .filter((s) => s !== "_app" && s !== "_index")
      .map((s) => (s.startsWith("$") ? encodeURIComponent(value) : s))
      .join("/");
  return subjects.flatMap((subject) =>
    actors.map((actor) => {
      const owner = subject?.owner ?? "ana";
      const person = {
        anonymous: null,
        owner,
        "other interviewer": owner === "ben" ? "ana" : "ben",
        "hiring manager": "hm",
        admin: "admin",
      }[actor] as Person | null;
      const label = `${actor} on ${subject?.label ?? route}`;
      return {
        // fast-check prints this in a counterexample instead of the whole case, cookie and all.
        [fc.toStringMethod]: () => label,
        label,
        url: `http://localhost/${path(subject?.value)}`,
        params: param && subject ? { [param]: subject.value } : {},
        actor,
        actorId: person ? fx.people[person].id : undefined,
        cookie: person ? fx.cookies[person] : undefined,
        subject,
      };
    }),
  );
}

/** Six requests in seven name a real object, so most get past the 404 to the code behind it. */
export function caseArb(cases: Case[]): fc.Arbitrary<Case> {
  const real = cases.filter((c) => !c.subject?.notAnId);
  const notIds = cases.filter((c) => c.subject?.notAnId);
  if (!notIds.length) return fc.constantFrom(...real);
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.constantFrom(...notIds) });
}
