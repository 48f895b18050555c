// The words of the synthetic history: names, evidence and notes, varied enough to look like
// people wrote them and to give text columns realistic lengths.
import type { Random } from "./random";

const FIRST = ["Ada", "Bilal", "Chiara", "Dmitri", "Efua", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kenji", "Lina", "Mateo", "Nadia"];
const LAST = ["Okafor", "Petrov", "Quist", "Rossi", "Sato", "Tanaka", "Usman", "Vidal", "Weber", "Xu", "Yilmaz", "Zhou", "Novak", "Haddad"];

export function personName(r: Random) {
  return { first: r.pick(FIRST), last: r.pick(LAST) };
}

const EVIDENCE = [
  "Walked through the feature store design, named the training/serving skew risk unprompted and proposed a parity check.",
  "Asked for the drift dashboards first, then narrowed the drop to one upstream schema change within ten minutes.",
  "Good instincts on rollout: canary by traffic slice, automatic rollback on the guardrail metric, clear owner.",
  "Partial answer on evaluation: offline AUC only until prompted, then reasoned well about a holdout by time.",
  "Described mentoring two engineers through their first on-call; concrete about what changed afterwards.",
  "Struggled to separate data quality from model quality; needed two hints to look at label delay.",
  "Clear, specific example of pushing back on a launch date with numbers the product lead could act on.",
  "Code comments were precise: caught the leaking target encoding and the missing timeout on the Redis call.",
];

export function evidence(r: Random) {
  return r.pick(EVIDENCE);
}

export const NOT_COVERED = "Not covered in this stage.";

/** What an interviewer types into a draft, a few words more on every save. */
const TYPING =
  "Candidate opened by asking about latency and volume then sketched the event pipeline from clicks to features " +
  "they chose a streaming join with a watermark and explained why late events go to a correction table " +
  "on monitoring they named feature drift population stability and a shadow model before any rollout " +
  "when pushed on cost they traded a smaller model for fresher features and could say what that would cost in recall";

const WORDS = TYPING.split(" ");

/** The text after `keystrokes` saves: it grows word by word and starts over once it is long. */
export function typedSoFar(keystrokes: number, offset = 0): string {
  const length = 3 + (keystrokes % (WORDS.length - 3));
  return Array.from({ length }, (_, i) => WORDS[(offset + i) % WORDS.length]).join(" ");
}
