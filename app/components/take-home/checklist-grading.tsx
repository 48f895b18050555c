import { useState } from "react";
import {
  checklistSuggestions,
  SUGGESTED_LEVEL_NAMES,
  type Checklist,
  type ChecklistSuggestion,
  type StoredChecklist,
} from "#app/models/checklist";
import { ChecklistLevelBadge, LEVEL_ORDER } from "./checklist-level-badge";

type Props = {
  /** The checklist with levels, or null for a kit version written before them. */
  checklist: Checklist | null;
  items: StoredChecklist["items"];
  dimensionNames: Record<string, string>;
  kitVersion: number;
  /** The saved ticks, or null before the first save. */
  saved: string[] | null;
  disabled: boolean;
};

const rank = (level: string | undefined) => (level ? LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number]) : 0);

/**
 * The checklist's items per dimension, each with its level, and under each dimension the rating
 * the ticks suggest and why, worked out as the grader ticks (the rule in app/models/checklist.ts).
 */
export function ChecklistGrading({ checklist, items, dimensionNames, kitVersion, saved, disabled }: Props) {
  const [ticked, setTicked] = useState(() => new Set(saved ?? []));
  const suggestions = checklist ? checklistSuggestions(checklist, [...ticked]) : [];
  const dimensions = [...new Set(items.map((i) => i.dimension))];
  const changed = saved ? saved.length !== ticked.size || saved.some((id) => !ticked.has(id)) : ticked.size > 0;
  const toggle = (id: string, on: boolean) =>
    setTicked((before) => {
      const after = new Set(before);
      if (on) after.add(id);
      else after.delete(id);
      return after;
    });
  return (
    <>
      {checklist ? (
        <p className="small muted">
          Tick what you saw in the submission or heard in the call; tick a red flag when you see it. Under each dimension, the rating your
          ticks suggest: any red flag 1; every meets-the-bar item 3, and 4 with the items needed for a 4; at least half the meets-the-bar
          points 2; less 1. Extra credit never lifts past 3 on its own.
        </p>
      ) : (
        <p className="small muted">
          Kit version {kitVersion} wrote this checklist before its items carried levels, so it suggests no rating: rate against the guide's
          anchors.
        </p>
      )}
      {dimensions.map((dimension) => {
        const name = dimensionNames[dimension] ?? dimension;
        const suggestion = suggestions.find((s) => s.dimension === dimension);
        return (
          <fieldset key={dimension} className="stack checklist-dimension">
            <legend>{name}</legend>
            {items
              .filter((i) => i.dimension === dimension)
              .sort((a, b) => rank(a.level) - rank(b.level))
              .map((i) => (
                <label key={i.id} className="checkbox">
                  <input
                    type="checkbox"
                    name="checked"
                    value={i.id}
                    checked={ticked.has(i.id)}
                    onChange={(e) => toggle(i.id, e.currentTarget.checked)}
                    disabled={disabled}
                  />
                  <span>
                    {i.level ? <ChecklistLevelBadge level={i.level} /> : null} {i.text}
                    {i.level === "meets" || !i.level ? (
                      <span className="small muted nowrap">
                        {" "}
                        ({i.points} point{i.points === 1 ? "" : "s"})
                      </span>
                    ) : null}
                  </span>
                </label>
              ))}
            {suggestion ? <SuggestionLine suggestion={suggestion} name={name} /> : null}
          </fieldset>
        );
      })}
      {changed && !disabled ? (
        <p className="small warn-text" role="status">
          Not saved yet: the scorecard follows the saved grade.
        </p>
      ) : null}
    </>
  );
}

function SuggestionLine({ suggestion: s, name }: { suggestion: ChecklistSuggestion; name: string }) {
  return (
    <div
      className={`checklist-suggestion${s.redFlags.length ? " checklist-suggestion-concern" : ""}`}
      role="status"
      aria-label={`Suggested rating for ${name}`}
    >
      <strong>{s.level === null ? "No suggestion" : `Suggests ${s.level}: ${SUGGESTED_LEVEL_NAMES[s.level]}`}</strong>
      <span>{s.reason.charAt(0).toUpperCase() + s.reason.slice(1)}</span>
    </div>
  );
}
