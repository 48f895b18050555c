import { isRouteErrorResponse, Link } from "react-router";

const MESSAGES: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be handled", body: "Something in it was not valid." },
  403: { title: "You don't have access to this", body: "Your role doesn't allow you to open this page or change this record." },
  404: { title: "Not found", body: "It may have been removed, or the link is wrong." },
  405: { title: "Not allowed", body: "That action is not available here." },
  429: { title: "Too many requests", body: "Please wait a moment and try again." },
};

/** One place that turns thrown responses and unexpected errors into a readable page. */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const known = MESSAGES[error.status];
    const detail = typeof error.data === "string" && error.data.length < 300 ? error.data : null;
    return (
      <section className="error-panel" role="alert">
        <p className="error-code">Error {error.status}</p>
        <h1>{known?.title ?? error.statusText ?? "Something went wrong"}</h1>
        <p>{detail ?? known?.body}</p>
        <p>
          <Link to="/">Go to your start page</Link>
        </p>
      </section>
    );
  }
  // Unexpected errors are logged on the server; the page never shows a stack trace to users.
  return (
    <section className="error-panel" role="alert">
      <p className="error-code">Unexpected error</p>
      <h1>Something went wrong on our side</h1>
      <p>Nothing you entered was saved by this request. Please try again; if it keeps happening, tell an admin.</p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </section>
  );
}

/**
 * The error page of a candidate's link (an exercise or the voluntary questions). Candidates have no
 * account: no sign-in link, just what the link is for and what to do next.
 */
export function CandidateLinkError({ error, what, unexpected }: { error: unknown; what: string; unexpected: string }) {
  const known = isRouteErrorResponse(error);
  return (
    <main className="page page-narrow">
      <section className="error-panel" role="alert">
        <p className="error-code">{what}</p>
        <h1>{known && error.status === 404 ? "This link doesn't work" : "Something went wrong"}</h1>
        <p>{known && typeof error.data === "string" ? error.data : `Something went wrong on our side. ${unexpected}`}</p>
      </section>
    </main>
  );
}
