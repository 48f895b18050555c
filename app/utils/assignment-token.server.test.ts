import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signAssignmentToken, verifyAssignmentToken } from "./assignment-token.server";
import { startSession } from "#app/auth/session.server";
import { makeUser } from "#tests/factories";

const future = () => new Date(Date.now() + 3600_000);

describe("candidate link tokens", () => {
  it("open exactly the assignment they were made for", async () => {
    const token = await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: future() });
    expect(await verifyAssignmentToken(token)).toEqual({ assignmentId: 7, tokenId: "abc" });
    // Same inputs, same link: the hiring manager can copy it again later.
    expect(await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: new Date(Number(future())) })).toBeTypeOf("string");
  });

  it("refuse a tampered token, an expired one, or one signed with another key", async () => {
    const token = await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: future() });
    const [h, p, s] = token.split(".");
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
    claims.sub = "8";
    expect(await verifyAssignmentToken(`${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`)).toBeNull();
    expect(
      await verifyAssignmentToken(await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: new Date(Date.now() - 1000) })),
    ).toBeNull();
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("7")
      .setJti("abc")
      .setIssuer("loopwise")
      .setAudience("loopwise:assignment")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(process.env.SESSION_SECRET));
    expect(await verifyAssignmentToken(foreign)).toBeNull();
    expect(await verifyAssignmentToken("not-a-token")).toBeNull();
  });

  it("a link opens only the kind of exercise it was made for", async () => {
    const review = await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: future() });
    const incident = await signAssignmentToken({ assignmentId: 7, tokenId: "abc", expiresAt: future(), purpose: "incident" });
    expect(await verifyAssignmentToken(incident, "incident")).toEqual({ assignmentId: 7, tokenId: "abc" });
    expect(await verifyAssignmentToken(review, "incident")).toBeNull();
    expect(await verifyAssignmentToken(incident, "review")).toBeNull();
    expect(await verifyAssignmentToken(incident, "take_home")).toBeNull();
  });

  it("a session cookie is not a candidate link", async () => {
    const user = await makeUser("admin");
    const session = (await startSession(user.id)).split(";")[0]!.split("=")[1]!;
    expect(await verifyAssignmentToken(session)).toBeNull();
  });
});
