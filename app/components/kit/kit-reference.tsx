import type { KitPageData } from "#app/models/kit-page.server";

/** The scenario's evidence with what each item means, for the interviewer's preparation. */
export function EvidenceReference({ evidence }: { evidence: NonNullable<KitPageData["evidence"]> }) {
  return (
    <section className="card" id="evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence in this scenario</h2>
      <p className="small muted">What the candidate can ask for, and what it shows. Don't read it out.</p>
      <details>
        <summary>Show the {evidence.items.length} items and what they mean</summary>
        {evidence.categories.map((c) => (
          <div key={c.id}>
            <h3>{c.title}</h3>
            <dl className="kit-evidence-list">
              {evidence.items
                .filter((e) => e.category === c.id)
                .map((e) => (
                  <div key={e.id}>
                    <dt>{e.title}</dt>
                    <dd>{e.meaning}</dd>
                  </div>
                ))}
            </dl>
          </div>
        ))}
      </details>
    </section>
  );
}

/** The take-home's grading checklist, read-only (graders tick it on the grading page). */
export function ChecklistReference({
  checklist,
  dimensionNames,
}: {
  checklist: NonNullable<KitPageData["checklist"]>;
  dimensionNames: Record<string, string>;
}) {
  return (
    <section className="card" id="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Grading checklist</h2>
      <p className="small muted">
        Ticked on the grading page; the share of points ticked per dimension suggests a rating on the scorecard.
      </p>
      <ul className="kit-checklist">
        {checklist.items.map((item) => (
          <li key={item.id}>
            <span className="badge badge-muted">{dimensionNames[item.dimension] ?? item.dimension}</span> {item.text}{" "}
            <span className="small muted">
              ({item.points} point{item.points === 1 ? "" : "s"})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
