import { Link, useSearchParams } from "react-router";

/** "Showing 51–100 of 5,000" with previous/next links that keep the other query parameters. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const [params] = useSearchParams();
  if (total <= pageSize) return null;
  const last = Math.ceil(total / pageSize);
  const to = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  const from = (page - 1) * pageSize + 1;
  return (
    <nav className="pager" aria-label="Pages">
      <span className="small muted">
        Showing {from.toLocaleString("en-GB")}–{Math.min(total, page * pageSize).toLocaleString("en-GB")} of {total.toLocaleString("en-GB")}
      </span>
      <span className="row">
        {page > 1 ? (
          <Link to={to(page - 1)} className="btn btn-small" rel="prev">
            Previous
          </Link>
        ) : null}
        {page < last ? (
          <Link to={to(page + 1)} className="btn btn-small" rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
