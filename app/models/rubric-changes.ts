// What a draft changes against the version it would replace, in the words of the rubric page:
// "Weight of ML system design 20% → 25%", "Floor added: …", "Hire starts at 3.00 → 3.10". Pure,
// so the impact preview lists it and a test can hold it to a seeded draft.
import { formatScore } from "./numbers";

type Dimension = {
  key: string;
  name: string;
  weight: number;
  floor: { atOrBelow: number; blocks: string } | null;
  levels: { level: number; anchor: string }[];
};
type Band = { key: string; label: string; minScore: number };
type Signal = { key: string; kind: string; text: string };
export type RubricForChanges = { version: number; dimensions: Dimension[]; bands: Band[]; signals: Signal[] };

export type RubricChange = { kind: "weight" | "floor" | "band" | "anchor" | "signal" | "dimension"; text: string };

const KIND_ORDER: RubricChange["kind"][] = ["dimension", "weight", "floor", "band", "anchor", "signal"];

export function rubricChanges(before: RubricForChanges, after: RubricForChanges): RubricChange[] {
  const out: RubricChange[] = [];
  const label = (bands: Band[], key: string) => bands.find((b) => b.key === key)?.label ?? key;
  const floorText = (bands: Band[], f: NonNullable<Dimension["floor"]>) =>
    `no ${label(bands, f.blocks)} or better while the score is ≤ ${f.atOrBelow}`;

  const beforeDims = new Map(before.dimensions.map((d) => [d.key, d]));
  for (const d of after.dimensions) {
    const was = beforeDims.get(d.key);
    if (!was) {
      out.push({ kind: "dimension", text: `${d.name} added, weight ${d.weight}%` });
      continue;
    }
    if (was.weight !== d.weight) out.push({ kind: "weight", text: `Weight of ${d.name}: ${was.weight}% → ${d.weight}%` });
    if (!was.floor && d.floor) out.push({ kind: "floor", text: `Floor added on ${d.name}: ${floorText(after.bands, d.floor)}` });
    else if (was.floor && !d.floor)
      out.push({ kind: "floor", text: `Floor removed from ${d.name} (was: ${floorText(before.bands, was.floor)})` });
    else if (was.floor && d.floor && (was.floor.atOrBelow !== d.floor.atOrBelow || was.floor.blocks !== d.floor.blocks))
      out.push({
        kind: "floor",
        text: `Floor on ${d.name}: ${floorText(before.bands, was.floor)} → ${floorText(after.bands, d.floor)}`,
      });
    const anchors = d.levels.filter((l) => was.levels.find((w) => w.level === l.level)?.anchor !== l.anchor).map((l) => l.level);
    if (anchors.length)
      out.push({
        kind: "anchor",
        text: `Anchor text of ${d.name} reworded at level${anchors.length === 1 ? "" : "s"} ${anchors.join(", ")}`,
      });
  }
  for (const d of before.dimensions)
    if (!after.dimensions.some((a) => a.key === d.key)) out.push({ kind: "dimension", text: `${d.name} removed (weight ${d.weight}%)` });

  // The lowest band always starts at 1; only the cut-offs above it can move.
  for (const b of after.bands) {
    const was = before.bands.find((x) => x.key === b.key);
    if (!was) out.push({ kind: "band", text: `Band ${b.label} added, from ${formatScore(b.minScore)}` });
    else if (was.minScore !== b.minScore)
      out.push({ kind: "band", text: `${b.label} starts at ${formatScore(was.minScore)} → ${formatScore(b.minScore)}` });
    else if (was.label !== b.label) out.push({ kind: "band", text: `Band ${was.label} renamed ${b.label}` });
  }
  for (const b of before.bands) if (!after.bands.some((a) => a.key === b.key)) out.push({ kind: "band", text: `Band ${b.label} removed` });

  const beforeSignals = new Map(before.signals.map((s) => [s.key, s]));
  const added = after.signals.filter((s) => !beforeSignals.has(s.key)).length;
  const removed = before.signals.filter((s) => !after.signals.some((a) => a.key === s.key)).length;
  const reworded = after.signals.filter((s) => {
    const was = beforeSignals.get(s.key);
    return was && (was.text !== s.text || was.kind !== s.kind);
  }).length;
  const count = (n: number, what: string) => `${n} signal${n === 1 ? "" : "s"} ${what}`;
  if (added) out.push({ kind: "signal", text: count(added, "added") });
  if (removed) out.push({ kind: "signal", text: count(removed, "removed") });
  if (reworded) out.push({ kind: "signal", text: count(reworded, "reworded") });

  return out.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
