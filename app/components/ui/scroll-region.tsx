/**
 * A wide table that may scroll sideways. Focusable and named, so a keyboard user can scroll it
 * too: a table without links or buttons inside gives the keyboard nothing else to hold on to.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
