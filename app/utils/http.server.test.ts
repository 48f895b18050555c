import { describe, expect, it } from "vitest";
import { readFormData } from "./http.server";

const post = (body: string, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": type }, body });

async function statusOf(request: Request) {
  try {
    await readFormData(request);
    return 200;
  } catch (thrown) {
    return (thrown as Response).status;
  }
}

describe("readFormData", () => {
  it("reads the fields our forms send", async () => {
    const form = await readFormData(post("stages%5B4%5D.stage=debugging&rating.evaluation=3&signals=a&signals=b"));
    expect(form.get("stages[4].stage")).toBe("debugging");
    expect(form.getAll("signals")).toEqual(["a", "b"]);
  });

  it("answers 415 to a body that isn't form data", async () => {
    expect(await statusOf(post("{}", "application/json"))).toBe(415);
  });

  // Before, conform spent minutes building a 4-billion-slot array for the reply, or overflowed the
  // stack on a name nested thousands deep (a 500), in any action: signed in or not.
  it.each([
    ["an index in the billions", "stages%5B4294967294%5D.stage"],
    ["an index over 999", "stages%5B1000%5D.stage"],
    ["a name nested 3,000 levels deep", `${"a.".repeat(3000)}b`],
    ["a name of 2,000 nested arrays", `name${"%5B0%5D".repeat(2000)}`],
  ])("drops a field named with %s and keeps the rest", async (_label, name) => {
    const form = await readFormData(post(`${name}=x&${name}=y&email=ada%40example.com`));
    expect([...form.keys()]).toEqual(["email"]);
  });
});
