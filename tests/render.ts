// Renders a route's page on the server the way React Router does after a form post: the loader's
// data plus the action's reply. A page that throws while rendering its reply is a 500 in production.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";

export function renderPage(Component: ComponentType<never>, { loaderData, actionData }: { loaderData: unknown; actionData?: unknown }) {
  const Stub = createRoutesStub([{ id: "page", path: "/", Component: Component as ComponentType }]);
  return renderToString(
    createElement(Stub, {
      initialEntries: ["/"],
      hydrationData: { loaderData: { page: loaderData }, actionData: actionData === undefined ? null : { page: actionData } },
    }),
  );
}
