import { ChecklistLevelBadge, LEVEL_ORDER } from "#app/components/take-home/checklist-level-badge";
import type { KitPageData } from "#app/models/kit-page.server";

/** The scenario for the interviewer's preparation: what really happened when, and every item with what it means. */
export function EvidenceReference({ evidence }: { evidence: NonNullable<KitPageData["evidence"]> }) {
  return (
    <section className="card" id="evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence in this scenario</h2>
      <p className="small muted">
        What the candidate can ask for, and what it shows. Don't read it out. Only items marked "in the menu" can be clicked without asking;
        those marked "shows the cause" answer only a request specific to them.
      </p>
      {evidence.timeline.length ? (
        <details>
          <summary>What really happened, in order{evidence.paged ? ` (the candidate is paged at ${evidence.paged})` : ""}</summary>
          <ol className="kit-evidence-timeline">
            {evidence.timeline.map((t, i) => (
              <li key={i}>
                <span className="mono small">{t.at}</span> {t.what}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <details>
        <summary>Show the {evidence.items.length} items and what they mean</summary>
        {evidence.sources.map((c) => (
          <div key={c.id}>
            <h3>{c.name}</h3>
            <dl className="kit-evidence-list">
              {evidence.items
                .filter((e) => e.source === c.id)
                .map((e) => (
                  <div key={e.id}>
                    <dt>
                      {e.title}{" "}
                      <span className="small muted">
                        {[
                          e.minutes ? `${e.minutes} min` : null,
                          e.menu ? "in the menu" : null,
                          e.showsCause ? "shows the cause" : null,
                          e.deadEnd ? "dead end" : null,
                          e.query ? `query on ${e.query.join(", ")}` : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </dt>
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
