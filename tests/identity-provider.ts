// A real OpenID Connect provider (oidc-provider) on the loopback interface, for tests of sign-in
// with the company's identity provider: its own discovery, keys, codes and ID tokens, and its
// development login and consent pages, which `signIn` fills in as a person would.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type ProviderAccount = { email: string; email_verified: boolean };

export async function startIdentityProvider({
  clientId,
  clientSecret,
  redirectUri,
}: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}) {
  const accounts = new Map<string, ProviderAccount>();
  const requests: string[] = [];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    // Its own defaults, said out loud (it prints a notice for each it has to assume).
    ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
  });
  const handle = provider.callback();
  server.on("request", (req, res) => {
    requests.push(req.url ?? "");
    handle(req, res);
  });

  // The browser's cookies for the provider's site, as one browser would keep them.
  const jar = new Map<string, string>();
  async function visit(url: URL, init: { method?: string; body?: string } = {}) {
    const headers = new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") });
    if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  const next = (response: Response) => {
    const location = response.headers.get("location");
    if (!location) throw new Error(`The provider answered ${response.status} without a redirect`);
    return new URL(location, issuer);
  };

  /**
   * Follows the authorization request through the provider's login (as `accountId`) and consent
   * pages, or cancels at the first one; returns where the provider sends the browser back.
   */
  async function signIn(authorizationUrl: string, accountId: string | { cancel: true }): Promise<URL> {
    // A browser nobody has signed in with at the provider yet.
    jar.clear();
    let url = next(await visit(new URL(authorizationUrl)));
    for (let step = 0; step < 10; step += 1) {
      if (url.origin !== issuer) return url;
      if (url.pathname.startsWith("/interaction/")) {
        if (typeof accountId !== "string") {
          url = next(await visit(new URL(`${url.pathname}/abort`, issuer)));
          continue;
        }
        const page = await (await visit(url)).text();
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
        const body = prompt === "login" ? new URLSearchParams({ prompt, login: accountId }) : new URLSearchParams({ prompt: prompt ?? "" });
        url = next(await visit(url, { method: "POST", body: body.toString() }));
      } else {
        url = next(await visit(url));
      }
    }
    throw new Error("The provider never sent the browser back");
  }

  return {
    issuer,
    accounts,
    /** How many times the app fetched the provider's discovery document. */
    discoveries: () => requests.filter((r) => r.startsWith("/.well-known/openid-configuration")).length,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
