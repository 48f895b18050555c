// The draft editor's schema, on both sides of the form: what was posted (weights, floors, anchors,
// signals, band thresholds) laid over the draft's fixed parts (key, title, scale, stages, names),
// then checked by the one rubric schema (rubric.ts), so a form and a file obey the same rules and
// each error lands on the field it is about.
import { z } from "zod";
import { RubricFileSchema, type RubricFile } from "./rubric";

type Posted = Record<string, unknown>;
const record = (value: unknown): Posted => (value && typeof value === "object" && !Array.isArray(value) ? (value as Posted) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The posted edits over `draft`. Arrays the form can grow (signals, anchors) take their length from what was posted. */
export function applyEdits(draft: RubricFile, posted: unknown) {
  const form = record(posted);
  const dimensions = list(form.dimensions);
  const bands = list(form.bands);
  return {
    ...draft,
    dimensions: draft.dimensions.map((d, i) => {
      const edit = record(dimensions[i]);
      const floor = record(edit.floor);
      return {
        ...d,
        weight: edit.weight,
        // "No floor" posts an empty level.
        floor: floor.atOrBelow === undefined || floor.atOrBelow === "" ? undefined : { atOrBelow: floor.atOrBelow, blocks: floor.blocks },
        levels: list(edit.levels).map((level, j) => ({ level: j + 1, anchor: record(level).anchor })),
      };
    }),
    signals: list(form.signals).map((s) => {
      const edit = record(s);
      return { key: edit.key, kind: edit.kind, text: edit.text, dimension: edit.dimension };
    }),
    bands: draft.bands.map((b, i) => ({ ...b, minScore: record(bands[i]).minScore })),
  };
}

export function rubricDraftSchema(draft: RubricFile) {
  return z.preprocess((posted) => applyEdits(draft, posted), RubricFileSchema);
}

/** The form's starting values: the draft as the fields name them. */
export function draftFormValues(draft: RubricFile) {
  return {
    dimensions: draft.dimensions.map((d) => ({
      weight: String(d.weight),
      // Without a floor, the band a new one would rule out starts at the second-best (Hire): the
      // rule an expert reviewer recommends for a Lead role's heaviest dimensions.
      floor: { atOrBelow: d.floor ? String(d.floor.atOrBelow) : "", blocks: d.floor?.blocks ?? draft.bands[1]?.key ?? "" },
      levels: d.levels.map((l) => ({ anchor: l.anchor })),
    })),
    signals: draft.signals.map((s) => ({ key: s.key, kind: s.kind, text: s.text, dimension: s.dimension })),
    bands: draft.bands.map((b) => ({ minScore: String(b.minScore) })),
  };
}
