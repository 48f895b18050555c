import { ChecklistLevelBadge, LEVEL_ORDER } from "#app/components/take-home/checklist-level-badge";
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

/** The take-home's grading checklist, read-only (graders tick it on the grading page), with each item's level. */
export function ChecklistReference({
  checklist,
  dimensionNames,
}: {
  checklist: NonNullable<KitPageData["checklist"]>;
  dimensionNames: Record<string, string>;
}) {
  const levelled = checklist.items.every((i) => i.level);
  const dimensions = [...new Set(checklist.items.map((i) => i.dimension))];
  return (
    <section className="card" id="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Grading checklist</h2>
      <p className="small muted">
        {levelled
          ? "Ticked on the grading page. Per dimension the ticks suggest a rating on the scorecard: any red flag 1; every meets-the-bar item 3, and 4 with the items needed for a 4; at least half the meets-the-bar points 2; less 1."
          : "Ticked on the grading page. This kit version's items carry no levels, so its ticks suggest no rating."}
      </p>
      {dimensions.map((dimension) => (
        <div key={dimension}>
          <h3>{dimensionNames[dimension] ?? dimension}</h3>
          <ul className="kit-checklist">
            {checklist.items
              .filter((i) => i.dimension === dimension)
              .sort((a, b) => (a.level && b.level ? LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) : 0))
              .map((item) => (
                <li key={item.id}>
                  {item.level ? <ChecklistLevelBadge level={item.level} /> : null} {item.text}
                  {item.points ? (
                    <span className="small muted">
                      {" "}
                      ({item.points} point{item.points === 1 ? "" : "s"})
                    </span>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
