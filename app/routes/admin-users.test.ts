// Integration: the admin's user pages (list, add, edit) as the browser calls them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { verifyPassword } from "#app/utils/password.server";
import { startSession } from "#app/auth/session.server";
import { makeUser, request, run, routeArgs } from "#tests/factories";
import * as userList from "./_app.admin.users._index";
import * as newUser from "./_app.admin.users.new";
import * as editUser from "./_app.admin.users.$userId";
import * as myInterviews from "./_app.interviews._index";

type Reply = {
  data: { status?: string; error?: Record<string, string[]> | null; initialValue?: Record<string, unknown> };
  init: { status: number };
};

const ctx = routeArgs;

type User = Awaited<ReturnType<typeof makeUser>>;

/** The edit form as the browser posts it for `user`, with `over` changed; `active` is a checkbox. */
function editForm(user: User, over: Record<string, string | undefined> = {}) {
  const form: Record<string, string | undefined> = {
    name: user.name,
    email: user.email,
    title: user.title,
    role: user.role,
    timeZone: user.timeZone,
    active: user.active ? "on" : undefined,
    password: "",
    ...over,
  };
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
}

const postEdit = async (actorId: number, target: User, over: Record<string, string | undefined> = {}) =>
  run(async () =>
    editUser.action(
      ctx(await request(`/admin/users/${target.id}`, { userId: actorId, form: editForm(target, over) }), { userId: String(target.id) }),
    ),
  );

/** A sign-in that stays the same across requests, as a browser's cookie does. */
async function signedIn(userId: number) {
  const cookie = (await startSession(userId)).split(";")[0]!;
  return () => myInterviews.loader(ctx(new Request("http://localhost/interviews", { headers: { Cookie: cookie } })));
}

const userAudit = () =>
  db()
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.entityType === "user");

const snapshot = () => ({ users: db().select().from(users).all(), audit: db().select().from(auditLog).all() });

describe("changing someone's role or access", () => {
  it("a role change is saved, audited with before and after, and ends that user's sessions at once", async () => {
    const admin = await makeUser("admin");
    const hm = await makeUser("hiring_manager");
    const hmBrowser = await signedIn(hm.id);
    await expect(hmBrowser()).resolves.toBeTruthy();

    const { response } = await postEdit(admin.id, hm, { role: "interviewer" });
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe("/admin/users");
    expect(db().select().from(users).where(eq(users.id, hm.id)).get()?.role).toBe("interviewer");
    const next = await run(hmBrowser);
    expect(next.response?.headers.get("Location")).toBe("/login?redirectTo=%2Finterviews");
    expect(db().select().from(sessions).where(eq(sessions.userId, hm.id)).all()).toEqual([]);
    expect(userAudit()).toEqual([
      expect.objectContaining({
        action: "update",
        actorId: admin.id,
        entityId: String(hm.id),
        before: { role: "hiring_manager" },
        after: { role: "interviewer" },
      }),
    ]);
  });

  it("deactivating signs the user out everywhere; they show as deactivated in the list", async () => {
    const admin = await makeUser("admin");
    const ana = await makeUser("interviewer");
    const laptop = await signedIn(ana.id);
    const phone = await signedIn(ana.id);

    expect((await postEdit(admin.id, ana, { active: undefined })).response?.status).toBe(302);
    expect((await run(laptop)).response?.headers.get("Location")).toMatch(/^\/login/);
    expect((await run(phone)).response?.headers.get("Location")).toMatch(/^\/login/);
    const list = await userList.loader(ctx(await request("/admin/users", { userId: admin.id })));
    expect(list.users.find((u) => u.id === ana.id)).toMatchObject({ active: false, role: "interviewer" });
    expect(userAudit()).toEqual([expect.objectContaining({ before: { active: true }, after: { active: false } })]);
  });

  it("the only admin can neither demote nor deactivate themselves: a message by the field, nothing changes", async () => {
    const admin = await makeUser("admin");
    const before = snapshot();
    const demote = (await postEdit(admin.id, admin, { role: "interviewer", name: "Renamed Admin" })).data as unknown as Reply;
    expect(demote.init.status).toBe(400);
    expect(demote.data.error?.role).toEqual(["You can't remove your own admin role; ask another admin"]);
    expect(demote.data.initialValue).toMatchObject({ name: "Renamed Admin", role: "interviewer" });

    const deactivate = (await postEdit(admin.id, admin, { active: undefined })).data as unknown as Reply;
    expect(deactivate.init.status).toBe(400);
    expect(deactivate.data.error?.active).toEqual(["You can't deactivate your own account"]);

    expect(snapshot()).toEqual(before);
    // Still signed in and still an admin.
    await expect(userList.loader(ctx(await request("/admin/users", { userId: admin.id })))).resolves.toBeTruthy();
  });

  it("another admin may demote an admin, but two admins demoting each other at the same moment leave one", async () => {
    const ana = await makeUser("admin");
    const ben = await makeUser("admin");
    // Both requests are past their sign-in check before either is saved: each waits on its body.
    const anaPost = await heldPost(ana.id, ben);
    const benPost = await heldPost(ben.id, ana);
    const anaDone = run(() => editUser.action(ctx(anaPost.request, { userId: String(ben.id) })));
    const benDone = run(() => editUser.action(ctx(benPost.request, { userId: String(ana.id) })));
    await Promise.all([anaPost.reading, benPost.reading]);
    anaPost.release();
    expect((await anaDone).response?.status).toBe(302);
    benPost.release();
    const refused = (await benDone).data as unknown as Reply;
    expect(refused.init.status).toBe(400);
    expect(refused.data.error?.role?.[0]).toMatch(/Nobody else could then manage users/);
    expect(db().select({ id: users.id, role: users.role }).from(users).all()).toEqual([
      { id: ana.id, role: "admin" },
      { id: ben.id, role: "interviewer" },
    ]);
  });

  it("an email another user signs in with is refused by the field", async () => {
    const admin = await makeUser("admin");
    const ana = await makeUser("interviewer");
    const before = snapshot();
    const reply = (await postEdit(admin.id, ana, { email: admin.email.toUpperCase() })).data as unknown as Reply;
    expect(reply.data.error?.email).toEqual(["Someone else already signs in with this email"]);
    expect(reply.data.initialValue?.email).toBe(admin.email.toUpperCase());
    expect(snapshot()).toEqual(before);
  });

  it("admins set no passwords: a password posted with the edit is ignored, the user's own keeps working", async () => {
    const admin = await makeUser("admin");
    const ana = await makeUser("interviewer");
    const anaBrowser = await signedIn(ana.id);
    const before = db().select().from(users).where(eq(users.id, ana.id)).get()!;
    expect((await postEdit(admin.id, ana, { password: "a much longer passphrase" })).response?.status).toBe(302);
    const stored = db().select().from(users).where(eq(users.id, ana.id)).get()!;
    expect(stored.passwordHash).toBe(before.passwordHash);
    expect(await verifyPassword("a much longer passphrase", stored.passwordHash)).toBe(false);
    expect((await run(anaBrowser)).response).toBeUndefined();
    expect(userAudit()).toEqual([]);
  });

  it("an unknown user or an id that isn't a number is a 404", async () => {
    const admin = await makeUser("admin");
    for (const userId of ["9999", "abc", "1e3", "-1"]) {
      const { response } = await run(async () =>
        editUser.action(ctx(await request(`/admin/users/${userId}`, { userId: admin.id, form: { name: "x" } }), { userId })),
      );
      expect(response?.status).toBe(404);
    }
  });
});

describe("only admins manage users", () => {
  it.each(["interviewer", "hiring_manager"] as const)(
    "a %s gets 403 from every page and action, even posting role=admin for themselves",
    async (role) => {
      const admin = await makeUser("admin");
      const me = await makeUser(role);
      const before = snapshot();
      const promote = await postEdit(me.id, me, { role: "admin" });
      expect(promote.response?.status).toBe(403);
      expect((await postEdit(me.id, admin, { role: "interviewer" })).response?.status).toBe(403);
      const create = await run(async () =>
        newUser.action(ctx(await request("/admin/users/new", { userId: me.id, form: validNewUser({ role: "admin" }) }))),
      );
      expect(create.response?.status).toBe(403);
      const loaders: (() => Promise<unknown>)[] = [
        async () => userList.loader(ctx(await request("/admin/users", { userId: me.id }))),
        async () => newUser.loader(ctx(await request("/admin/users/new", { userId: me.id }))),
        async () => editUser.loader(ctx(await request(`/admin/users/${me.id}`, { userId: me.id }), { userId: String(me.id) })),
      ];
      for (const load of loaders) expect((await run(load)).response?.status).toBe(403);
      expect(snapshot()).toEqual(before);
    },
  );

  it("an anonymous visitor is sent to sign in and nothing is created", async () => {
    const { response } = await run(async () => newUser.action(ctx(await request("/admin/users/new", { form: validNewUser() }))));
    expect(response?.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%2Fnew");
    expect(db().select().from(users).all()).toEqual([]);
  });
});

function validNewUser(over: Record<string, string> = {}) {
  return {
    name: "Mei Tan",
    email: "Mei.Tan@Loopwise.test",
    title: "Staff MLE",
    role: "interviewer",
    timeZone: "Asia/Singapore",
    ...over,
  };
}

describe("adding a user", () => {
  it("creates them with a normalised email and no password, lists them, and audits the addition and the invitation", async () => {
    const admin = await makeUser("admin");
    const { response } = await run(async () =>
      newUser.action(ctx(await request("/admin/users/new", { userId: admin.id, form: validNewUser() }))),
    );
    const mei = db().select().from(users).where(eq(users.email, "mei.tan@loopwise.test")).get()!;
    expect(response?.headers.get("Location")).toBe(`/admin/users/${mei.id}?invited`);
    expect(mei).toMatchObject({ name: "Mei Tan", role: "interviewer", timeZone: "Asia/Singapore", active: true, passwordHash: "" });
    const list = await userList.loader(ctx(await request("/admin/users", { userId: admin.id })));
    expect(list.users.find((u) => u.name === "Mei Tan")).toMatchObject({ invited: true });
    const [entry, invitation] = userAudit();
    expect(entry).toMatchObject({
      action: "create",
      actorId: admin.id,
      entityId: String(mei.id),
      after: { name: "Mei Tan", role: "interviewer" },
    });
    expect(invitation).toMatchObject({ action: "invite", entityId: String(mei.id) });
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|scrypt/);
  });

  it.each([
    ["an email someone already signs in with (in another case)", { email: "ADMIN.MAIN@loopwise.test" }, "email", /already signs in/],
    ["an empty name", { name: "  " }, "name", /Enter a name/],
    ["a malformed email", { email: "mei@" }, "email", /valid email/],
    ["an unknown role", { role: "owner" }, "role", /Choose a role/],
    ["role=__proto__", { role: "__proto__" }, "role", /Choose a role/],
    ["a made-up time zone", { timeZone: "Mars/Olympus" }, "timeZone", /Choose a time zone/],
  ] as [string, Record<string, string>, string, RegExp][])(
    "refuses %s by the field and keeps what was typed",
    async (_l, over, field, message) => {
      const admin = await makeUser("admin", { email: "admin.main@loopwise.test" });
      const before = snapshot();
      const { data } = await run(async () =>
        newUser.action(ctx(await request("/admin/users/new", { userId: admin.id, form: validNewUser(over) }))),
      );
      const reply = data as unknown as Reply;
      expect(reply.init.status).toBe(400);
      expect(reply.data.error?.[field]?.join(" ")).toMatch(message);
      expect(reply.data.initialValue).toMatchObject({ name: over.name ?? "Mei Tan", title: "Staff MLE" });
      expect(snapshot()).toEqual(before);
    },
  );
});

/**
 * A signed-in POST whose body arrives only on `release()`; `reading` settles once the action has
 * passed its guards and started reading the body.
 */
async function heldPost(actorId: number, target: User) {
  const cookie = (await startSession(actorId)).split(";")[0]!;
  const body = new URLSearchParams(editForm(target, { role: "interviewer" })).toString();
  let started!: () => void;
  let release!: () => void;
  const reading = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        started();
        await released;
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://localhost/admin/users/${target.id}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, reading, release };
}
