import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/root";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { setRequestTime } from "./utils/clock.server";
import { useNonce } from "./utils/nonce-provider";
import appStylesHref from "./styles/app.css?url";

// zod compiles object schemas with new Function when it may; probing for that is an eval the page's
// CSP refuses (and reports). Parsing without it is as correct and fast enough for forms.
z.config({ jitless: true });

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: appStylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Every request is handled at one instant, read here once (see clock.server.ts).
export const middleware: Route.MiddlewareFunction[] = [({ context }) => setRequestTime(context)];

export const meta: Route.MetaFunction = () => [{ title: "Loopwise" }];

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* Stylesheets need no nonce (style-src 'self'); an empty one keeps the server's HTML and
            the browser's render equal, as the browser never learns the page's nonce. */}
        <Links nonce="" />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  // Outside the signed-in layout there is no navigation, so offer a way home.
  return (
    <main className="page page-narrow">
      <GeneralErrorBoundary error={error} />
    </main>
  );
}
