// Requests for evidence, matched by meaning: a candidate says what they want in their own words
// ("null rate of seller features", "what changed overnight") and gets the items that answer it,
// best first. Words are reduced to concepts (Porter stems, then an on-call thesaurus), weighted by
// how rare they are among the scenario's items, and scored against what each item answers. Pure.
import { stemmer } from "stemmer";
import type { EvidenceItem, Scenario } from "./incident-scenario";

/** How many answers a request gets at most. */
export const ANSWERS = 3;

/**
 * Words and phrases that mean the same thing on call. The first entry names the concept; every
 * entry, once stemmed, maps to it. Phrases are matched before single words.
 */
const THESAURUS: string[][] = `
ctr | click through | click-through | clickthrough | click rate | click through rate | ctr rate
click | clicks | tap | taps
impression | impressions | views shown | exposure | exposures
null | nulls | missing | missingness | empty | nan | blank | unset | absent | missing values | missing value
coverage | fill rate | populated
change | changes | changed | what changed | changelog | change log | change calendar | change management
deploy | deploys | deployed | deployment | deployments | release | releases | released | shipped | ship | push | pushed
rollout | roll out | rolled out | staged rollout | ramp | ramped | ramp up
rollback | roll back | rolled back | revert | reverted | undo | downgrade
schema | schemas | column | columns | ddl | table definition | data type | type change | field | fields
migration | migrations | migrated | migrate
upstream | source table | source tables | producer | producers | input table | input tables | inputs
lineage | blast radius | downstream | consumer | consumers | who reads | who else | dependents | dependencies | readers | reads
alert | alerts | alerting | alarm | alarms | pager | pagerduty | monitor | monitors | monitoring | fired | silent
flag | flags | feature flag | feature flags | toggle | toggles | remote config | kill switch | switch
experiment | experiments | a/b | ab test | a b test | a/b test | a/b tests | split test | arm | arms | variant | variants | treatment | control group | holdout
latency | p99 | p95 | p50 | response time | slow | slowness | milliseconds
error | errors | 5xx | 500s | exceptions | failures | failing | timeouts | timeout
health | healthy | uptime | availability | slo | sla | status
traffic | requests | request volume | qps | rps | throughput | volume | load
retrain | retraining | retrained | training | trained | train | training run | training job | fit
promotion | promote | promoted | auto promotion | auto-promotion | auto promote | autopromote
model | models | ranker | scorer | classifier
registry | model registry | model version | model versions | mlflow
canary | canaries | shadow
pipeline | pipelines | job | jobs | dag | dags | airflow | etl | batch job | batch | run | runs | cron
freshness | fresh | stale | staleness | last updated | late | lag | delay | delayed
log | logs | logging | logged | run log | job log
feature | features | input features | signals
distribution | distributions | histogram | histograms | spread | percentiles | quantiles
drift | psi | shift | shifted | distribution shift | data drift | population stability | stability | kl divergence
score | scores | prediction | predictions | output | outputs | model output | probabilities
segment | segments | segmented | breakdown | break down | split | slice | slices | sliced | cohort | cohorts | per
platform | platforms | device | devices | client | clients | surface | surfaces | os | mobile | app | apps
version | versions | build | builds | app version | client version | release version
channel | channels | payment channel | checkout channel
market | markets | country | countries | geo | geography | region | regions | locale
language | languages | lang | german | french | english | de | fr
bot | bots | crawler | crawlers | scraper | scrapers | spam | non human | fake traffic
join | joins | joined | joining | match | matched | matches | matching | unmatched | key | keys | join key
sql | query | queries | select
sample | samples | example | examples | rows | raw | records | peek | head
snapshot | snapshots | backup | backups | restore | restored | previous version | yesterday's copy | point in time
rerun | re-run | re run | rerunning | backfill | backfills | recompute | rebuild | replay | reprocess
runbook | runbooks | playbook | procedure | how to | steps
fallback | fallbacks | fall back | fell back | degraded mode | default ranker | rules engine | heuristic
schedule | schedules | scheduled | tonight | next run | nightly | cadence | when does
window | training window | training data | training set | date range
engagement | conversion | conversions | messages | contacts | actions
session | sessions | per session | per user | users | visits
denominator | ratio | definition | metric definition | numerator | computed | compute | calculated | calculation | formula
seller | sellers | merchant | merchants
rating | ratings | stars
popularity | popular | trending
retrieval | retrieve | retrieved | candidate generation | recall | ann | nearest neighbour | nearest neighbor | search | hits
embedding | embeddings | vector | vectors | encoder | index | indexes | indices | vector index | reindex | re-index
kubernetes | k8s | pods | pod | nodes | node pool | cluster | infrastructure | infra | containers
stream | streaming | kafka | flink | real time | realtime | events stream
event | events | payload | payloads | messages on the topic
stepup | step up | step-up | step ups | step-ups | 3ds | 3 d secure | 3-d secure | 3d secure | challenge | challenges | challenged | sca
decline | declines | declined | reject | rejects | rejected | block | blocks | blocked
precision | hit rate | true positives | false positives | false positive | fp | fps | quality of flags
review | reviews | reviewed | analyst | analysts | fraud ops | fraud operations | ops team | queue | manual review | labels | labelled | labeled | label | outcomes | dispositions
chargeback | chargebacks | dispute | disputes | fraud losses | losses | loss
amount | amounts | transaction amount | payment amount | price | prices | money | ticket size | order value
currency | currencies | units | unit | cents | minor units | major units | exponent | decimals | euro | euros | eur
aggregate | aggregates | aggregation | rolling | counters | state | card history | velocity | mean | average | median
threshold | thresholds | cutoff | cut-off | operating point | what if
abandon | abandonment | abandoned | drop off | drop-off | dropoff | completion | complete | friction
judge | judges | llm judge | llm-as-judge | grader | auto eval | automatic eval | automatic quality | quality score | eval score | autoscore
calibration | calibrated | agreement | kappa | human labels | human rating | human ratings | inter rater | correlation with humans
escalation | escalations | escalate | escalated | handoff | hand-off | hand off | handover | agent | agents | transfer | transfers | talk to a human | human agent
abstain | abstention | abstentions | refusal | refusals | refuse | refuses | i don't know | can't find | cannot answer | no answer | declines to answer
citation | citations | cite | cites | cited | sources cited | references | links | grounding | grounded | attribution
prompt | prompts | system prompt | template | templates | instructions
corpus | articles | article | help centre content | help center content | knowledge base | kb | documents | docs | content
cost | costs | spend | price per | bill | billing | tokens | token | token usage | usage | invoice
provider | vendor model | api provider | llm provider | hosted model | upstream model | model provider | api
fingerprint | system fingerprint | model id | model name | snapshot id | model snapshot | served model | model string
answer | answers | responses | response | replies | reply | generations | outputs of the assistant
feedback | thumbs | thumbs down | thumbs up | helpful | was this helpful | csat | satisfaction | ratings from customers
topic | topics | intent | intents | category | categories | question type | question types
length | long | longer | verbose | verbosity | words | characters
exemplar | exemplars | few shot | few-shot | fewshot | shots | examples bank | example bank | demonstrations
tagging | tags | tag | classification | auto tag | auto-tagging | routing | router | triage
summary | summaries | summariser | summarizer | agent assist
notice | notices | announcement | announcements | changelog from the provider | release notes | deprecation | email
contract | contracts | data contract | agreement on schema | compatibility | compatible | compat
duration | how long | run time | runtime | eta | time it takes | takes
finance | revenue | reporting | reconciliation | bookkeeping
`
  .trim()
  .split("\n")
  .map((line) => line.split("|").map((w) => w.trim()));

/** Time and window words: they narrow a request but hardly say which item it means. */
const WEAK = new Set(
  // "logs" or "events" alone ask for none in particular; "job logs", "payment events" say which.
  "overnight yesterday today tonight hour hourly daily day week weekly trend since before after time series timeline rate rates share percent count counts number total compare comparison against vs versus current recent latest new old dashboard dashboards chart graph table tables report log event"
    .split(" ")
    .map((w) => stemmer(w)),
);

/** Words that carry no request of their own. */
const STOP = new Set(
  "a an the and or of for to in on at by with from into over under about is are was were be been it its this that these those there here any all some each every what which who whom how why when where did do does has have had can could would should will may might i me my we us our you your they them their please pls show see look looking check checking want need like give get got pull pulled open bring let lets let's just also then than so if not no yes up out off as much many more most less other else same last past first next night morning data info information details detail stuff thing things everything anything something overview root cause causes problem problems issue issues wrong broken happening happened going metric metrics numbers level levels view list lists whether there's isn't etc e.g eg know tell find"
    .split(" ")
    .map((w) => stemmer(w)),
);

const words = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .replace(/[_/-]+/g, " ")
    .match(/[a-z]+(?:'[a-z]+)?|[0-9]+(?:\.[0-9]+)*/g) ?? [];

const stem = (w: string) => (/^[0-9]/.test(w) ? w : stemmer(w.replace(/'s$/, "")));

type Thesaurus = { phrases: Map<string, string>; longest: number };

function buildThesaurus(groups: string[][]): Thesaurus {
  const phrases = new Map<string, string>();
  let longest = 1;
  for (const group of groups) {
    const concept = words(group[0]!).map(stem).join(" ");
    for (const entry of group) {
      const key = words(entry).map(stem).join(" ");
      if (!key || phrases.has(key)) continue;
      phrases.set(key, concept);
      longest = Math.max(longest, key.split(" ").length);
    }
  }
  return { phrases, longest };
}

const THESAURUS_INDEX = buildThesaurus(THESAURUS);

/** The concepts a text names, in order: phrases first (longest wins), then single stems. */
export function concepts(text: string): string[] {
  const stems = words(text).map(stem);
  const out: string[] = [];
  for (let i = 0; i < stems.length;) {
    let taken = 0;
    for (let n = Math.min(THESAURUS_INDEX.longest, stems.length - i); n >= 1; n--) {
      const key = stems.slice(i, i + n).join(" ");
      const concept = THESAURUS_INDEX.phrases.get(key);
      if (concept !== undefined) {
        out.push(concept);
        taken = n;
        break;
      }
    }
    if (taken) {
      i += taken;
      continue;
    }
    if (!STOP.has(stems[i]!)) out.push(stems[i]!);
    i += 1;
  }
  return out.filter((c) => !STOP.has(c));
}

type Indexed = { item: EvidenceItem; weights: Map<string, number>; sourceWords: Set<string> };
type Index = { items: Indexed[]; idf: Map<string, number>; distinctive: number; vocabulary: string[] };

const indexes = new WeakMap<Scenario, Index>();

function indexOf(scenario: Scenario): Index {
  const cached = indexes.get(scenario);
  if (cached) return cached;
  const sourceNames = new Map(scenario.sources.map((s) => [s.id, s.name]));
  const items = scenario.evidence.map((item) => {
    const weights = new Map<string, number>();
    const sourceWords = new Set(concepts(sourceNames.get(item.source) ?? ""));
    const add = (text: string, weight: number) => {
      for (const c of concepts(text)) weights.set(c, Math.max(weights.get(c) ?? 0, weight));
    };
    // An item's source says little about which of its items is meant, and nothing for one that
    // shows the cause: naming the source must never be enough to reach it.
    if (!item.showsCause) add(sourceNames.get(item.source) ?? "", 0.35);
    add(item.title, 0.9);
    for (const ask of item.asks) add(ask, 1);
    for (const table of item.query?.tables ?? []) add(table, 1);
    return { item, weights, sourceWords };
  });
  const df = new Map<string, number>();
  for (const { weights } of items) for (const c of weights.keys()) df.set(c, (df.get(c) ?? 0) + 1);
  const n = items.length;
  const idf = new Map([...df].map(([c, d]) => [c, Math.log(1 + (n - d + 0.5) / (d + 0.5))]));
  // A word answered by at most a tenth of the items (and at least three) names something specific.
  const rare = Math.max(3, Math.floor(n / 10));
  const distinctive = Math.log(1 + (n - rare + 0.5) / (rare + 0.5));
  const index = { items, idf, distinctive, vocabulary: [...df.keys()].filter((c) => !c.includes(" ") && c.length >= 4) };
  indexes.set(scenario, index);
  return index;
}

/** Edit distance up to a limit (a typo in a long word still finds the word). */
function within(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return false;
    previous = row;
  }
  return previous[b.length]! <= limit;
}

export type Ranked = {
  item: EvidenceItem;
  score: number;
  /** Share of what was asked that this item answers (0–1). */
  coverage: number;
};

export type Match = {
  /** Best first, at most ANSWERS; empty when nothing answers any part of the request. */
  answers: Ranked[];
  /** The first answer is clearly what was meant: it can be shown at once. */
  confident: boolean;
  /** Words of the request no item knows. */
  unknown: string[];
  /** The request had words that say what is wanted (not only "show me everything"). */
  understood: boolean;
};

/** Below this share of the request answered, an item is only offered as "closest". */
const CLOSE = 0.34;
/** An item that shows the cause needs a request this specific to it to be offered at all. */
const SPECIFIC = 0.5;

type Scored = Ranked & { specific: boolean };

/** Every item that answers any part of the text, best first, before any gate. */
function scoreItems(scenario: Scenario, request: string, source?: string) {
  const index = indexOf(scenario);
  const asked = [...new Set(concepts(request))];
  const unknown: string[] = [];
  const terms = asked.flatMap((c) => {
    if (index.idf.has(c)) return [c];
    // A typo of a word some item knows ("lantency") counts as that word.
    const near = c.length >= 5 ? index.vocabulary.find((v) => within(c, v, c.length >= 8 ? 2 : 1)) : undefined;
    if (near && !asked.includes(near)) return [near];
    unknown.push(c);
    return [];
  });
  const weightOf = (c: string) => (WEAK.has(c) ? 0.3 : 1);
  // Words nobody knows still count against coverage: "gpu utilisation" answers nothing.
  const unknownWeight = (unknown.filter((c) => !WEAK.has(c)).length * Math.log(1 + index.items.length)) / 2;
  const total = terms.reduce((sum, c) => sum + index.idf.get(c)! * weightOf(c), 0) + unknownWeight;
  if (!terms.length || total === 0) return { ranked: [] as Scored[], unknown, understood: asked.length > 0 };
  const ranked = index.items
    .map(({ item, weights, sourceWords }): Scored => {
      let score = 0;
      let covered = 0;
      let strongWords = 0;
      let distinctive = false;
      for (const c of terms) {
        const w = weights.get(c);
        if (!w) continue;
        const idf = index.idf.get(c)! * weightOf(c);
        score += idf * w;
        covered += idf;
        // Naming the item's own source ("Evaluation", "Warehouse SQL") says where, not what.
        if (WEAK.has(c) || sourceWords.has(c)) continue;
        strongWords += 1;
        if (index.idf.get(c)! >= index.distinctive) distinctive = true;
      }
      // A request that says every word of one of the item's asks means that item.
      const whole = item.asks.some((ask) => {
        const needed = concepts(ask);
        return needed.length >= 2 && needed.every((c) => terms.includes(c));
      });
      if (whole) score *= 1.25;
      if (source && item.source === source) score *= 1.5;
      // Specific to it: a word few items answer ("null", "seller_profile"), or two words that say what is wanted.
      return { item, score, coverage: covered / total, specific: distinctive || strongWords >= 2 };
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage);
  return { ranked, unknown, understood: true };
}

/**
 * The items a request asks for, best first. `source` (one of the scenario's sources) favours its
 * items without hiding the others. An item that shows the cause is offered only when the request
 * is specific to it, so broad or empty requests can't fish it out.
 */
export function matchEvidence(scenario: Scenario, request: string, source?: string): Match {
  const { ranked: all, unknown, understood } = scoreItems(scenario, request, source);
  const ranked = all.filter((r) => !r.item.showsCause || (r.specific && r.coverage >= SPECIFIC));
  const strong = ranked.filter((r) => r.coverage >= CLOSE);
  const answers = (strong.length ? strong : ranked.filter((r) => !r.item.showsCause))
    .slice(0, ANSWERS)
    .map(({ item, score, coverage }) => ({ item, score, coverage }));
  const [first, second] = answers;
  const confident = !!first && strong.length > 0 && first.coverage >= 0.6 && (!second || first.score >= second.score * 1.4);
  return { answers, confident, unknown, understood };
}

/** The scenario's tables a query reads (by name, with or without a schema in front). */
export function tablesIn(scenario: Scenario, sql: string): string[] {
  const identifiers = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_.]*/g) ?? []);
  return scenario.tables.map((t) => t.name).filter((name) => [...identifiers].some((i) => i === name || i.endsWith(`.${name}`)));
}

/**
 * The result a warehouse query gets: of the items answerable by a query, one whose tables the
 * query reads, the most tables first, then the closest in meaning. Null when no item reads them.
 */
export function answerQuery(scenario: Scenario, sql: string): { item: EvidenceItem | null; tables: string[] } {
  const tables = tablesIn(scenario, sql);
  const eligible = scenario.evidence.filter((e) => e.query && e.query.tables.every((t) => tables.includes(t)));
  if (!eligible.length) return { item: null, tables };
  const scores = new Map(scoreItems(scenario, sql).ranked.map((r) => [r.item.id, r.score]));
  const best = [...eligible].sort(
    (a, b) => b.query!.tables.length - a.query!.tables.length || (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0),
  )[0]!;
  return { item: best, tables };
}
