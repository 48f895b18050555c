/** Links to the four exports, narrowed to a position when one is chosen. */
export function ExportLinks({ positionId }: { positionId?: number | string | null }) {
  const query = positionId ? `?position=${positionId}` : "";
  return (
    <div className="row small">
      Export results: <a href={`/export/results.csv${query}`}>CSV</a> · <a href={`/export/results.json${query}`}>JSON</a> · scorecards:{" "}
      <a href={`/export/scorecards.csv${query}`}>CSV</a> · <a href={`/export/scorecards.json${query}`}>JSON</a>
    </div>
  );
}

/** What the page did with a filter it couldn't use ("Unknown position …; showing all"). */
export function FilterNotices({ notices }: { notices: string[] }) {
  return notices.map((n) => (
    <p key={n} className="form-error" role="status">
      {n}
    </p>
  ));
}
