import type { SchedulingWarnings } from "#app/models/interview-checks.server";

/** The warnings an action replied with, if it did. */
export function warningsOf(actionData: unknown): SchedulingWarnings | null {
  return (actionData as { warnings?: SchedulingWarnings } | undefined)?.warnings ?? null;
}

/** A date field's scheduling warnings (weekend, public holiday), shown as its hint. */
export function warningHint(warnings: string[] | undefined, hint?: string) {
  if (!warnings?.length) return hint;
  return (
    <>
      {hint}
      {warnings.map((w) => (
        <span key={w} className="field-warning">
          {w}
        </span>
      ))}
    </>
  );
}

/** Booking anyway: accepts exactly the warnings shown (their key), nothing that appears later. */
export function AcceptWarnings({ warningsKey }: { warningsKey: string }) {
  return (
    <label className="checkbox accept-warnings">
      <input type="checkbox" name="acceptWarnings" value={warningsKey} />
      <span>These times are right: book them despite the warnings</span>
    </label>
  );
}
