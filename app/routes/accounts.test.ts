// Integration: the account life cycle as the browser calls it. An admin invites someone, who sets
// a password through the emailed link and is signed in; forgotten passwords are reset through a
// link that says nothing about which addresses exist; a changed or reset password ends every
// other session; a deactivated person's session stops working at once.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountLinks, auditLog, outbox, sessions, users } from "#db/schema";
import { RESET_REQUESTED } from "#app/auth/account.server";
import { signIn } from "#app/auth/sign-in.server";
import { startSession } from "#app/auth/session.server";
import { db } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { formatDateTime } from "#app/utils/time";
import { CLIENT_ADDRESS_HEADER } from "#app/utils/client-address.server";
import { makeUser, request, routeArgs, run } from "#tests/factories";
import { renderPage } from "#tests/render";
import { TEST_NOW } from "#tests/setup/unit-env";
import * as account from "./_app.account";
import * as editUser from "./_app.admin.users.$userId";
import * as newUser from "./_app.admin.users.new";
import * as myInterviews from "./_app.interviews._index";
import * as forgot from "./forgot";
import * as invite from "./invite.$token";
import * as reset from "./reset.$token";

type Reply<T = Record<string, unknown>> = { data: T; init: { status: number; headers?: Record<string, string> } | null };
type FormReply = { status?: string; error?: Record<string, string[]> | null; initialValue?: Record<string, unknown> };

const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
const DAY = 24 * 60;

/** The link in the newest email to `address`, as the person would click it. */
function linkIn(address: string, path: "/invite" | "/reset") {
  const email = db().select().from(outbox).where(eq(outbox.toAddress, address)).all().at(-1);
  const found = email?.body.match(new RegExp(`${env().publicUrl}${path}/([A-Za-z0-9_-]{43})`));
  if (!found) throw new Error(`No ${path} link emailed to ${address}`);
  return found[1]!;
}

async function addUser(adminId: number, over: Record<string, string> = {}) {
  const form = {
    name: "Ines Duarte",
    email: "Ines.Duarte@Loopwise.test",
    title: "Staff MLE",
    role: "interviewer",
    timeZone: "Europe/Lisbon",
    ...over,
  };
  return run(async () => newUser.action(routeArgs(await request("/admin/users/new", { userId: adminId, form }))));
}

const openInvite = (token: string, now = TEST_NOW) =>
  run(async () => invite.loader(routeArgs(await request(`/invite/${token}`), { token }, now))) as Promise<{
    data?: Reply<{ link: { state: string } }>;
  }>;

const postLink = (page: typeof invite | typeof reset, path: string, token: string, form: Record<string, string>, now = TEST_NOW) =>
  run(async () => page.action(routeArgs(await request(`${path}/${token}`, { form }), { token }, now)));

const PASSWORD = "harbour lantern copper";
const setForm = (pw = PASSWORD, again = pw) => ({ newPassword: pw, confirmPassword: again });

/** A sign-in that persists across requests, as a browser's cookie does. */
function browser(cookie: string) {
  const jar = cookie.split(";")[0]!;
  return () => run(() => myInterviews.loader(routeArgs(new Request("http://localhost/interviews", { headers: { Cookie: jar } }))));
}
const signedInAs = async (userId: number) => browser(await startSession(userId));
const isSignedOut = async (b: ReturnType<typeof browser>) => (await b()).response?.headers.get("Location")?.startsWith("/login") ?? false;

/** A rendered page's text as a reader sees it (React's text separators and escapes removed). */
const rendered = (page: unknown, loaderData: unknown) =>
  renderPage(page as never, { loaderData })
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'");

const auditText = () => JSON.stringify(db().select().from(auditLog).all());

describe("inviting someone", () => {
  it("adds them without a password, emails a 7-day link at PUBLIC_URL, and confirms on their page", async () => {
    const admin = await makeUser("admin", { name: "Hannah Okafor" });
    const { response } = await addUser(admin.id);
    const ines = db().select().from(users).where(eq(users.email, "ines.duarte@loopwise.test")).get()!;
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe(`/admin/users/${ines.id}?invited`);
    expect(ines.passwordHash).toBe("");

    const [email] = db().select().from(outbox).all();
    expect(email).toMatchObject({ toAddress: "ines.duarte@loopwise.test", subject: "You're invited to Loopwise", status: "outbox_only" });
    expect(email!.body).toContain("Hannah Okafor has added you to Loopwise");
    // Seven days from the (frozen) moment it was sent, on the invitee's clock.
    expect(email!.body).toContain(`until ${formatDateTime(later(7 * 24 * 60), "Europe/Lisbon")} (Europe/Lisbon)`);
    const token = linkIn(ines.email, "/invite");

    const page = await run(async () =>
      editUser.loader(routeArgs(await request(`/admin/users/${ines.id}?invited`, { userId: admin.id }), { userId: String(ines.id) })),
    );
    expect(page.data).toMatchObject({ justInvited: true, hasPassword: false, invitation: { kind: "valid", sentBy: "Hannah Okafor" } });
    expect(rendered(editUser.default, page.data)).toContain("Invitation sent to ines.duarte@loopwise.test");

    // The database and the audit log hold neither the link nor anything that opens it.
    const stored = db().select().from(accountLinks).get()!;
    expect(stored.tokenHash).not.toContain(token);
    expect(auditText()).not.toContain(token);
    expect(auditText()).not.toContain(stored.tokenHash);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toEqual(["create", "invite"]);
  });

  it("the link sets a password and signs them in; used again it says so, never a 500", async () => {
    const admin = await makeUser("admin");
    await addUser(admin.id);
    const token = linkIn("ines.duarte@loopwise.test", "/invite");
    expect((await openInvite(token)).data?.data.link).toMatchObject({ state: "valid", user: { name: "Ines Duarte" } });

    const used = await postLink(invite, "/invite", token, setForm());
    expect(used.response?.status).toBe(302);
    expect(used.response?.headers.get("Location")).toBe("/interviews");
    const cookie = used.response!.headers.get("Set-Cookie")!;
    expect(await isSignedOut(browser(cookie))).toBe(false);
    const signedIn = await signIn({ email: "ines.duarte@loopwise.test", password: PASSWORD, client: "test-a", now: TEST_NOW });
    expect(signedIn.ok).toBe(true);

    const twice = await postLink(invite, "/invite", token, setForm("another long passphrase"));
    const reply = twice.data as unknown as Reply<{ link: { state: string } }>;
    expect(reply.init?.status).toBe(410);
    expect(reply.data.link.state).toBe("used");
    const opened = (await openInvite(token)).data!;
    expect(opened.init?.status).toBe(410);
    expect(rendered(invite.default, opened.data)).toContain("This link has already been used");
    // The second attempt changed nothing: the first password still signs in.
    expect((await signIn({ email: "ines.duarte@loopwise.test", password: PASSWORD, client: "test-b", now: TEST_NOW })).ok).toBe(true);

    const audit = db().select().from(auditLog).where(eq(auditLog.action, "invitation_accept")).all();
    expect(audit).toEqual([
      expect.objectContaining({ summary: "Accepted the invitation and set a password", after: { password: "changed" } }),
    ]);
    expect(auditText()).not.toContain(PASSWORD);
  });

  it.each([
    ["a tampered link", (t: string) => t.slice(0, -2) + (t.endsWith("AA") ? "BB" : "AA"), 404, "unknown", "This link doesn't work"],
    ["a link that isn't one of ours", () => "not-a-link", 404, "unknown", "This link doesn't work"],
    ["an over-long link", (t: string) => t.repeat(200), 404, "unknown", "This link doesn't work"],
  ])("%s answers a clear page, and setting a password through it changes nothing", async (_l, alter, status, state, says) => {
    const admin = await makeUser("admin");
    await addUser(admin.id);
    const bad = alter(linkIn("ines.duarte@loopwise.test", "/invite"));
    const opened = (await openInvite(bad)).data!;
    expect(opened.init?.status).toBe(status);
    expect(opened.data.link.state).toBe(state);
    expect(rendered(invite.default, opened.data)).toContain(says);
    const before = db().select().from(users).all();
    const posted = (await postLink(invite, "/invite", bad, setForm())).data as unknown as Reply;
    expect(posted.init?.status).toBe(status);
    expect(db().select().from(users).all()).toEqual(before);
  });

  it("expires after 7 days: the page says so and names who to ask", async () => {
    const admin = await makeUser("admin", { name: "Hannah Okafor" });
    await addUser(admin.id);
    const token = linkIn("ines.duarte@loopwise.test", "/invite");
    expect((await openInvite(token, later(7 * DAY - 1))).data?.data.link.state).toBe("valid");
    const expired = (await openInvite(token, later(7 * DAY))).data!;
    expect(expired.init?.status).toBe(410);
    const html = rendered(invite.default, expired.data);
    expect(html).toContain("This link has expired");
    expect(html).toContain("Ask Hannah Okafor to send you a new invitation");
    const posted = (await postLink(invite, "/invite", token, setForm(), later(7 * DAY + 5))).data as unknown as Reply;
    expect(posted.init?.status).toBe(410);
    expect(db().select().from(users).where(eq(users.email, "ines.duarte@loopwise.test")).get()?.passwordHash).toBe("");
  });

  it("resending replaces the link: the old one stops working, the new one works, both audited", async () => {
    const admin = await makeUser("admin");
    await addUser(admin.id);
    const ines = db().select().from(users).where(eq(users.email, "ines.duarte@loopwise.test")).get()!;
    const first = linkIn(ines.email, "/invite");
    const resend = await run(async () =>
      editUser.action(
        routeArgs(
          await request(`/admin/users/${ines.id}`, { userId: admin.id, form: { intent: "resend-invitation" } }),
          { userId: String(ines.id) },
          later(60),
        ),
      ),
    );
    const notice = (resend.data as unknown as Reply<{ accountNotice: { ok: boolean; message: string } }>).data.accountNotice;
    expect(notice).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Invitation sent to ines.duarte@loopwise.test\. The link works until/),
    });
    const second = linkIn(ines.email, "/invite");
    expect(second).not.toBe(first);
    expect((await openInvite(first, later(61))).data?.data.link.state).toBe("replaced");
    expect((await postLink(invite, "/invite", second, setForm(), later(62))).response?.status).toBe(302);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "invite"))
        .all()
        .map((a) => a.summary),
    ).toEqual([
      expect.stringMatching(/^Sent an invitation to Ines Duarte/),
      expect.stringMatching(/^Resent the invitation to Ines Duarte/),
    ]);
    const status = await run(async () =>
      editUser.loader(routeArgs(await request(`/admin/users/${ines.id}`, { userId: admin.id }), { userId: String(ines.id) }, later(63))),
    );
    expect(status.data).toMatchObject({ invitation: { kind: "used" }, hasPassword: true });
  });

  it("changing their email closes the link sent to the old address; a reset link doesn't open the invitation page", async () => {
    const admin = await makeUser("admin");
    await addUser(admin.id);
    const ines = db().select().from(users).where(eq(users.email, "ines.duarte@loopwise.test")).get()!;
    const token = linkIn(ines.email, "/invite");
    expect((await openInvite(token)).data?.data.link.state).toBe("valid");
    const form = {
      name: ines.name,
      email: "ines.d@loopwise.test",
      title: ines.title,
      role: ines.role,
      timeZone: ines.timeZone,
      active: "on",
    };
    const edit = await run(async () =>
      editUser.action(routeArgs(await request(`/admin/users/${ines.id}`, { userId: admin.id, form }), { userId: String(ines.id) })),
    );
    expect(edit.response?.status).toBe(302);
    expect((await openInvite(token)).data?.data.link.state).toBe("replaced");
    const page = await run(async () =>
      editUser.loader(routeArgs(await request(`/admin/users/${ines.id}`, { userId: admin.id }), { userId: String(ines.id) })),
    );
    expect(rendered(editUser.default, page.data)).toContain("their email address changed. Send a new one.");

    await forgotFrom("10.3.0.1", "ines.d@loopwise.test");
    const resetToken = linkIn("ines.d@loopwise.test", "/reset");
    expect((await openInvite(resetToken)).data).toMatchObject({ init: { status: 404 }, data: { link: { state: "unknown" } } });
  });

  it("a weak password is refused by the field with the reason; the link still works", async () => {
    const admin = await makeUser("admin");
    await addUser(admin.id);
    const token = linkIn("ines.duarte@loopwise.test", "/invite");
    for (const [form, field, message] of [
      [setForm("short"), "newPassword", /at least 12 characters: a longer password takes far longer to guess/],
      [setForm("ines.duarte.2026"), "newPassword", /name or email/],
      [setForm(PASSWORD, "harbour lantern copperr"), "confirmPassword", /don't match/],
    ] as const) {
      const reply = (await postLink(invite, "/invite", token, form)).data as unknown as Reply<{ result: FormReply }>;
      expect(reply.init?.status).toBe(400);
      expect(reply.data.result.error?.[field]?.join(" ")).toMatch(message);
      expect(reply.data.result.initialValue?.newPassword).toBeUndefined();
    }
    expect((await openInvite(token)).data?.data.link.state).toBe("valid");
  });

  it("admins only: an interviewer can't resend invitations or send reset links", async () => {
    await makeUser("admin");
    const ana = await makeUser("interviewer");
    for (const intent of ["resend-invitation", "send-reset"]) {
      const { response } = await run(async () =>
        editUser.action(
          routeArgs(await request(`/admin/users/${ana.id}`, { userId: ana.id, form: { intent } }), { userId: String(ana.id) }),
        ),
      );
      expect(response?.status).toBe(403);
    }
    expect(db().select().from(outbox).all()).toEqual([]);
  });
});

const forgotFrom = (client: string, email: string) =>
  run(async () => {
    const req = await request("/forgot", { form: { email } });
    req.headers.set(CLIENT_ADDRESS_HEADER, client);
    return forgot.action(routeArgs(req));
  });

describe("forgot password", () => {
  it("answers the same for a known, an unknown and a deactivated address; only the known one gets an email", async () => {
    const ana = await makeUser("interviewer", { email: "ana@loopwise.test" });
    await makeUser("interviewer", { email: "gone@loopwise.test", active: false });
    const replies = [];
    for (const email of ["Ana@Loopwise.test", "nobody@loopwise.test", "gone@loopwise.test"])
      replies.push((await forgotFrom("10.0.0.1", email)).data);
    const answers = replies.map((r) => (r as { sent: { message: string } }).sent.message);
    expect(answers).toEqual([RESET_REQUESTED, RESET_REQUESTED, RESET_REQUESTED]);
    expect(db().select({ to: outbox.toAddress, subject: outbox.subject }).from(outbox).all()).toEqual([
      { to: "ana@loopwise.test", subject: "Reset your Loopwise password" },
    ]);
    expect(db().select().from(accountLinks).all()).toEqual([expect.objectContaining({ userId: ana.id, purpose: "password_reset" })]);
    expect(db().select().from(auditLog).all()).toEqual([
      expect.objectContaining({ action: "password_reset_request", entityId: String(ana.id), actorId: null }),
    ]);
  });

  it("the reset link sets a new password, ends every session, works once, for an hour", async () => {
    const ana = await makeUser("interviewer", { email: "ana.reset@loopwise.test" });
    const laptop = await signedInAs(ana.id);
    const phone = await signedInAs(ana.id);
    await forgotFrom("10.0.0.2", "ana.reset@loopwise.test");
    const token = linkIn("ana.reset@loopwise.test", "/reset");
    expect((await run(async () => reset.loader(routeArgs(await request(`/reset/${token}`), { token }, later(60))))).data).toMatchObject({
      init: { status: 410 },
      data: { link: { state: "expired" } },
    });

    const done = await postLink(reset, "/reset", token, setForm(), later(30));
    expect(done.response?.status).toBe(302);
    expect(await isSignedOut(laptop)).toBe(true);
    expect(await isSignedOut(phone)).toBe(true);
    expect(await isSignedOut(browser(done.response!.headers.get("Set-Cookie")!))).toBe(false);
    expect((await signIn({ email: ana.email, password: "correct horse battery", client: "t1", now: later(31) })).ok).toBe(false);
    expect((await signIn({ email: ana.email, password: PASSWORD, client: "t2", now: later(31) })).ok).toBe(true);
    const again = (await postLink(reset, "/reset", token, setForm("yet another passphrase"), later(32))).data as unknown as Reply<{
      link: { state: string };
    }>;
    expect(again.data.link.state).toBe("used");
    expect(db().select().from(auditLog).where(eq(auditLog.action, "password_reset")).all()).toHaveLength(1);
    expect(auditText()).not.toContain(token);
    expect(auditText()).not.toContain(PASSWORD);
  });

  it("a newer reset link replaces the older one", async () => {
    await makeUser("interviewer", { email: "ana.newer@loopwise.test" });
    await forgotFrom("10.0.0.3", "ana.newer@loopwise.test");
    const first = linkIn("ana.newer@loopwise.test", "/reset");
    await forgotFrom("10.0.0.3", "ana.newer@loopwise.test");
    const second = linkIn("ana.newer@loopwise.test", "/reset");
    const stale = (await postLink(reset, "/reset", first, setForm())).data as unknown as Reply<{ link: { state: string } }>;
    expect(stale.data.link.state).toBe("replaced");
    expect((await postLink(reset, "/reset", second, setForm())).response?.status).toBe(302);
  });

  it("is throttled: 10 requests from one client, then a 429 with Retry-After; 3 emails an hour to one address", async () => {
    await makeUser("interviewer", { email: "ana.throttle@loopwise.test" });
    for (let i = 0; i < 10; i++) {
      const r = (await forgotFrom("10.0.0.4", i % 2 ? "ana.throttle@loopwise.test" : `nobody${i}@loopwise.test`)).data as { sent: unknown };
      expect(r.sent).toBeTruthy();
    }
    const refused = (await forgotFrom("10.0.0.4", "ana.throttle@loopwise.test")).data as unknown as Reply<{ result: FormReply }>;
    expect(refused.init?.status).toBe(429);
    expect(Number(refused.init?.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(refused.data.result.error?.[""]?.[0]).toMatch(/Too many reset requests from this network/);
    // Five asked for ana from that client; only three emails went: the rest were answered alike.
    expect(db().select().from(outbox).all()).toHaveLength(3);
    const fromElsewhere = (await forgotFrom("10.0.0.5", "ana.throttle@loopwise.test")).data as { sent: { message: string } };
    expect(fromElsewhere.sent.message).toBe(RESET_REQUESTED);
    expect(db().select().from(outbox).all()).toHaveLength(3);
  });

  it("a malformed address is refused by the field, the typed value kept", async () => {
    const reply = (await forgotFrom("10.0.0.6", "ana@")).data as unknown as Reply<{ result: FormReply }>;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.result.error?.email).toEqual(["Enter a valid email address, like name@example.com"]);
    expect(reply.data.result.initialValue?.email).toBe("ana@");
  });
});

describe("changing one's own password", () => {
  const change = async (cookie: string, form: Record<string, string>, client = "10.1.0.1") => {
    const req = new Request("http://localhost/account", {
      method: "POST",
      headers: { Cookie: cookie.split(";")[0]!, "Content-Type": "application/x-www-form-urlencoded", [CLIENT_ADDRESS_HEADER]: client },
      body: new URLSearchParams(form),
    });
    return run(() => account.action(routeArgs(req)));
  };
  const form = (current: string, next: string, again = next) => ({ currentPassword: current, newPassword: next, confirmPassword: again });

  it("ends every other session, keeps this one, and is audited without the password", async () => {
    const ana = await makeUser("interviewer", { name: "Ana Souza", email: "ana@loopwise.test" });
    const here = await startSession(ana.id);
    const elsewhere = await signedInAs(ana.id);
    const reply = (await change(here, form("correct horse battery", PASSWORD))).data as { changed: boolean };
    expect(reply.changed).toBe(true);
    expect(await isSignedOut(elsewhere)).toBe(true);
    expect(await isSignedOut(browser(here))).toBe(false);
    expect(db().select().from(sessions).where(eq(sessions.userId, ana.id)).all()).toHaveLength(1);
    expect((await signIn({ email: ana.email, password: PASSWORD, client: "t3", now: TEST_NOW })).ok).toBe(true);
    expect(db().select().from(auditLog).where(eq(auditLog.action, "password_change")).all()).toEqual([
      expect.objectContaining({ actorId: ana.id, after: { password: "changed" } }),
    ]);
    expect(auditText()).not.toContain(PASSWORD);
    expect(auditText()).not.toContain("correct horse battery");
  });

  it.each([
    ["a wrong current password", form("not my password", PASSWORD), "currentPassword", /isn't your current password/],
    ["a new password under 12 characters", form("correct horse battery", "short one"), "newPassword", /at least 12 characters/],
    ["a new password made of the name", form("correct horse battery", "AnaSouza2026!"), "newPassword", /name or email/],
    ["a confirmation that differs", form("correct horse battery", PASSWORD, "something else"), "confirmPassword", /don't match/],
    ["the same password again", form("correct horse battery", "correct horse battery"), "newPassword", /different from your current one/],
  ])("refuses %s by its field, changing nothing", async (_l, body, field, message) => {
    const ana = await makeUser("interviewer", { name: "Ana Souza", email: "ana@loopwise.test" });
    const here = await startSession(ana.id);
    const elsewhere = await signedInAs(ana.id);
    const before = db().select().from(users).all();
    const reply = (await change(here, body)).data as unknown as Reply<{ result: FormReply; changed: boolean }>;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.changed).toBe(false);
    expect(reply.data.result.error?.[field]?.join(" ")).toMatch(message);
    expect(reply.data.result.initialValue?.currentPassword).toBeUndefined();
    expect(db().select().from(users).all()).toEqual(before);
    expect(await isSignedOut(elsewhere)).toBe(false);
  });

  it("wrong current passwords count as failed sign-ins: the sixth try from one client is refused", async () => {
    const ana = await makeUser("interviewer", { email: "ana@loopwise.test" });
    const here = await startSession(ana.id);
    for (let i = 0; i < 5; i++)
      expect(((await change(here, form(`wrong ${i}`, PASSWORD), "10.1.0.9")).data as unknown as Reply).init?.status).toBe(400);
    const refused = (await change(here, form("correct horse battery", PASSWORD), "10.1.0.9")).data as unknown as Reply<{
      result: FormReply;
    }>;
    expect(refused.init?.status).toBe(429);
    expect(refused.data.result.error?.currentPassword?.[0]).toMatch(/Too many wrong passwords/);
  });

  it("every role opens the page; an anonymous visitor is sent to sign in", async () => {
    for (const role of ["interviewer", "hiring_manager", "admin", "compliance"] as const) {
      const me = await makeUser(role);
      const page = await run(async () => account.loader(routeArgs(await request("/account", { userId: me.id }))));
      expect(page.data).toMatchObject({ me: { email: me.email, role } });
    }
    const { response } = await run(async () => account.loader(routeArgs(await request("/account"))));
    expect(response?.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });
});

describe("deactivation", () => {
  it("a deactivated person's existing session is refused on the next request, and a reset link stops working", async () => {
    const ana = await makeUser("interviewer", { email: "ana.gone@loopwise.test" });
    const laptop = await signedInAs(ana.id);
    await forgotFrom("10.2.0.1", ana.email);
    const token = linkIn(ana.email, "/reset");
    expect(await isSignedOut(laptop)).toBe(false);
    // Directly in the table, as a second admin's save would land mid-session.
    db().update(users).set({ active: false }).where(eq(users.id, ana.id)).run();
    expect(await isSignedOut(laptop)).toBe(true);
    const posted = (await postLink(reset, "/reset", token, setForm())).data as unknown as Reply<{ link: { state: string } }>;
    expect(posted.data.link.state).toBe("inactive");
  });
});
