import type { ShownArtefact, ShownEvidence } from "#app/models/evidence-view.server";

type Revealed = ShownEvidence & {
  look: number;
  source: string;
  clock: string | null;
  minutes: number | null;
  expected: string | null;
  query: string | null;
};

const cell = (v: string | number | null) => (v === null ? "—" : typeof v === "number" ? v.toLocaleString("en-GB") : v);

function DataTable({
  caption,
  columns,
  rows,
  hiddenCaption,
}: {
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
  hiddenCaption?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table evidence-table">
        <caption className={hiddenCaption ? "visually-hidden" : "small muted"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j} className={typeof v === "number" ? "num" : undefined}>
                  {cell(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Artefact({ a }: { a: ShownArtefact }) {
  switch (a.type) {
    case "chart":
      return (
        <figure className="evidence-figure">
          <figcaption className="small">{a.title}</figcaption>
          {/* Drawn on the server from the scenario's numbers (evidence-chart.server.ts), every text escaped. */}
          <div dangerouslySetInnerHTML={{ __html: a.svg }} />
          <details>
            <summary className="small">The numbers</summary>
            <DataTable caption={a.title} columns={a.columns} rows={a.rows} hiddenCaption />
          </details>
        </figure>
      );
    case "table":
      return <DataTable caption={a.caption} columns={a.columns} rows={a.rows} />;
    case "log":
      return (
        <figure className="evidence-figure">
          <figcaption className="small">{a.title}</figcaption>
          <pre className="evidence-log" tabIndex={0}>
            {a.lines.join("\n")}
          </pre>
        </figure>
      );
    case "code":
      return (
        <figure className="evidence-figure">
          <figcaption className="small">{a.title}</figcaption>
          <pre className={`evidence-code evidence-code-${a.language}`} tabIndex={0}>
            {a.language === "diff"
              ? a.text.split("\n").map((line, i) => (
                  <span key={i} className={line.startsWith("+") ? "diff-add" : line.startsWith("-") ? "diff-del" : undefined}>
                    {line}
                    {"\n"}
                  </span>
                ))
              : a.text}
          </pre>
        </figure>
      );
    case "note":
      return <div className="markdown evidence-note" dangerouslySetInnerHTML={{ __html: a.html }} />;
  }
}

/** One revealed evidence item, drawn as the tool it comes from would show it. */
export function EvidenceCard({ evidence }: { evidence: Revealed }) {
  const when = [evidence.source, evidence.clock ? `at ${evidence.clock}` : null, evidence.minutes ? `took ${evidence.minutes} min` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <article className="card evidence-card" aria-labelledby={`evidence-${evidence.id}`}>
      <h3 id={`evidence-${evidence.id}`}>
        <span className="badge badge-info">{evidence.look}</span> {evidence.title}
      </h3>
      <p className="small muted evidence-meta">{when}</p>
      {evidence.expected ? (
        <p className="small evidence-expected">
          <strong>You expected:</strong> <span className="notes">{evidence.expected}</span>
        </p>
      ) : null}
      {evidence.query ? (
        <figure className="evidence-figure">
          <figcaption className="small">Your query</figcaption>
          <pre className="evidence-code evidence-code-sql" tabIndex={0}>
            {evidence.query}
          </pre>
        </figure>
      ) : null}
      {evidence.artefacts.map((a, i) => (
        <Artefact key={i} a={a} />
      ))}
    </article>
  );
}
