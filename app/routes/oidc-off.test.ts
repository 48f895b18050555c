// Off by default: with no OIDC_* variables the sign-in page is the password form alone and the
// identity provider's routes don't exist (404), whatever is sent to them.
import { describe, expect, it } from "vitest";
import { providerFormTargets } from "#app/auth/identity-provider.server";
import { renderPage } from "#tests/render";
import { routeArgs, run } from "#tests/factories";
import * as callback from "./auth.oidc.callback";
import * as start from "./auth.oidc.start";
import * as login from "./login";

describe("with no identity provider configured", () => {
  it("the sign-in page offers only email and password", async () => {
    const { data } = await run(() => login.loader(routeArgs(new Request("http://localhost/login"))));
    const loaderData = (data as unknown as { data: unknown }).data;
    expect(loaderData).toEqual({ provider: null, notice: null });
    const html = renderPage(login.default as never, { loaderData });
    expect(html).toContain("Password");
    expect(html).not.toMatch(/Sign in with/);
    expect(html).not.toContain("/auth/oidc");
    expect(providerFormTargets("/login")).toEqual([]);
  });

  it("the provider's routes answer 404", async () => {
    const post = new Request("http://localhost/auth/oidc/start", {
      method: "POST",
      body: new URLSearchParams({ redirectTo: "/candidates" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    for (const outcome of [
      await run(() => start.action(routeArgs(post))),
      await run(() => start.loader()),
      await run(() => callback.loader(routeArgs(new Request("http://localhost/auth/oidc/callback?code=abc&state=def")))),
    ])
      expect(outcome.response?.status).toBe(404);
  });
});
