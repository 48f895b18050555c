import type { ReactNode } from "react";
import type { KitPageData } from "#app/models/kit-page.server";
import { ChecklistReference, EvidenceReference } from "./kit-reference";
import { KitContents, KitDocuments } from "./kit-sections";
import { TimePlanTimer } from "./time-plan-timer";

/**
 * A kit version laid out for the interviewer: contents on the side; the time plan (with its
 * optional timer), anything the stage adds (the incident, the take-home), then the documents.
 */
export function KitLayout({
  data,
  focus,
  dimensionNames,
  timerKey,
  children,
}: {
  data: KitPageData;
  focus: string[];
  dimensionNames: Record<string, string>;
  /** Where the browser keeps the timer's start, so a reload (or a trip to the scorecard) keeps it. */
  timerKey: string;
  children?: ReactNode;
}) {
  const extra = [
    ...(data.timePlan.length ? [{ id: "time-plan", title: data.takeHome ? "Follow-up call plan" : "Time plan" }] : []),
    ...(data.evidence ? [{ id: "evidence", title: "Evidence in this scenario" }] : []),
    ...(data.checklist ? [{ id: "checklist", title: "Grading checklist" }] : []),
  ];
  return (
    <div className="kit-layout">
      <KitContents sections={data.sections} extra={extra} />
      <div className="kit-main stack">
        {focus.length ? (
          <p className="kit-focus-line">
            <span className="small muted">Focus dimensions: </span>
            {focus.map((f) => (
              <span key={f} className="badge badge-info">
                {f}
              </span>
            ))}
          </p>
        ) : null}
        {data.contentMissing ? (
          <p className="flash">This kit version was loaded before kits kept their text; open the Exercises page for the current version.</p>
        ) : null}
        {data.timePlan.length ? (
          <TimePlanTimer plan={data.timePlan} storageKey={timerKey} title={data.takeHome ? "Follow-up call plan" : "Time plan"} />
        ) : null}
        {children}
        {data.evidence ? <EvidenceReference evidence={data.evidence} /> : null}
        {data.checklist ? <ChecklistReference checklist={data.checklist} dimensionNames={dimensionNames} /> : null}
        <KitDocuments sections={data.sections} />
      </div>
    </div>
  );
}

/** Prints the kit: the print stylesheet hides the navigation, the timer's buttons and the contents. */
export function PrintButton() {
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      Print the kit
    </button>
  );
}
