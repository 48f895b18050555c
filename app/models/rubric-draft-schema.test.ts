// The draft editor's schema on rubric v2: what the form doesn't edit (suggestion rules, rater guidance)
// comes through unchanged whatever is posted, and a floor naming a band that isn't there is refused
// on its field, as a file would be.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { draftFormValues, rubricDraftSchema } from "./rubric-draft-schema";
import type { RubricFile } from "./rubric";
import { readRubricFile, RUBRICS_DIR } from "./rubric.server";

const v2 = () => readRubricFile(`${RUBRICS_DIR}/lead-ml-engineer.v2.json`);

/** Values as the browser posts them: conform's field names (dimensions[0].floor.blocks) and strings. */
function formData(values: unknown, into = new FormData(), name = "") {
  if (Array.isArray(values)) values.forEach((v, i) => formData(v, into, `${name}[${i}]`));
  else if (values && typeof values === "object") for (const [k, v] of Object.entries(values)) formData(v, into, name ? `${name}.${k}` : k);
  else into.append(name, String(values));
  return into;
}

/** What the route does with a post: the form's schema, through conform. */
const submit = (draft: RubricFile, values: unknown) => parseWithZod(formData(values), { schema: rubricDraftSchema(draft) });

describe("the draft form on rubric v2", () => {
  it("posting the form's own values gives back the file, suggestion rules and rater guidance included", () => {
    const draft = v2();
    const submission = submit(draft, draftFormValues(draft));
    expect(submission.status === "success" && submission.value).toEqual(draft);
  });

  it("an edit keeps the fields the form doesn't show, and a crafted post can't change them", () => {
    const draft = v2();
    const posted = draftFormValues(draft);
    posted.dimensions[0]!.levels[0]!.anchor = "Edited anchor that is long enough to read as an anchor.";
    const submission = submit(draft, {
      ...posted,
      suggestionRules: [{ stage: "code_review", dimension: "software_engineering", when: "decoy_flagged_blocking", capAt: 1, says: "x" }],
      raterGuidance: { partialMeets: "round up", promptedVsProbed: "anything goes" },
    });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    const parsed = submission.value;
    expect(parsed.dimensions[0]!.levels[0]!.anchor).toBe("Edited anchor that is long enough to read as an anchor.");
    expect(parsed.suggestionRules).toHaveLength(2);
    expect(parsed.suggestionRules).toEqual(draft.suggestionRules);
    expect(parsed.raterGuidance).toEqual(draft.raterGuidance);
  });

  it("refuses a floor that names a band the rubric doesn't have, on the field, with the band's name", () => {
    const draft = v2();
    const posted = draftFormValues(draft);
    posted.dimensions[1]!.floor = { atOrBelow: "2", blocks: "hire_maybe" };
    const submission = submit(draft, posted);
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error).toEqual({ "dimensions[1].floor.blocks": ['unknown band "hire_maybe"'] });
  });

  it("starts the floors' selects on v2's own floors", () => {
    const values = draftFormValues(v2());
    expect(values.dimensions.map((d) => d.floor)).toEqual([
      { atOrBelow: "", blocks: "hire" },
      { atOrBelow: "2", blocks: "hire" },
      { atOrBelow: "2", blocks: "hire" },
      { atOrBelow: "", blocks: "hire" },
      { atOrBelow: "", blocks: "hire" },
      { atOrBelow: "", blocks: "hire" },
      { atOrBelow: "", blocks: "hire" },
    ]);
  });
});
