import { describe, expect, it } from "vitest";
import { addresses, compileRule, conceptsNamed, creditRuleProblems, hasTerm, parseTerm, wordsOf, type CreditRule } from "./review-credit";

const cacheKey: CreditRule = {
  says: "Names that the cache key leaves out the customer, so one customer's answer reaches another.",
  concepts: [
    { concept: "the cache key", terms: ["cache*", "key*"] },
    { concept: "misses the customer", terms: ["customer*", "tenant*", "per user", "account*", "user id"] },
  ],
};
const rule = compileRule(cacheKey);
const names = (text: string) => addresses(wordsOf(text), rule);

describe("reading a comment's words", () => {
  it("folds case, accents, punctuation and code into words", () => {
    expect(wordsOf("Cache-Key ignores `customer_id` -> leak!")).toEqual(["cache", "key", "ignores", "customer", "id", "leak"]);
    expect(wordsOf("Ça dépend")).toEqual(["ca", "depend"]);
    expect(wordsOf("   ")).toEqual([]);
  });

  it("a starred word matches the words it starts; a plain word only itself", () => {
    const leak = parseTerm("leak*");
    expect(hasTerm(["leakage"], leak)).toBe(true);
    expect(hasTerm(["leak"], leak)).toBe(true);
    expect(hasTerm(["lea"], leak)).toBe(false);
    const key = parseTerm("key");
    expect(hasTerm(["key"], key)).toBe(true);
    expect(hasTerm(["keys"], key)).toBe(false);
    expect(hasTerm(["monkey"], key)).toBe(false);
  });

  it("a term of several words needs them in a row, or written as one word", () => {
    const hardCoded = parseTerm("hard code*");
    expect(hasTerm(wordsOf("hard-coded password"), hardCoded)).toBe(true);
    expect(hasTerm(wordsOf("HARDCODED password"), hardCoded)).toBe(true);
    expect(hasTerm(wordsOf("hard to read, code smells"), hardCoded)).toBe(false);
    expect(hasTerm(wordsOf("timeout missing"), parseTerm("time out"))).toBe(true);
  });
});

describe("the minimum to credit", () => {
  it("credits a terse comment that names every concept", () => {
    expect(names("cache key ignores the customer -> cross-customer leak")).toBe(true);
    expect(names("Keyed by question only: tenant A sees tenant B's cached answer")).toBe(true);
  });

  it("does not credit a comment that names only some of them", () => {
    expect(names("this cache looks wrong")).toBe(false);
    expect(names("customers will be unhappy")).toBe(false);
    expect(conceptsNamed(wordsOf("this cache looks wrong"), rule)).toEqual({ named: ["the cache key"], missing: ["misses the customer"] });
  });

  it("does not credit contentless comments", () => {
    for (const text of ["ok", "?", "LGTM", "nit", "+1", "why?", "", "   "]) expect(names(text), text).toBe(false);
  });

  it("a rule that names nothing can't credit anything", () => {
    expect(addresses(wordsOf("anything at all"), compileRule({ says: "x", concepts: [] }))).toBe(false);
  });
});

describe("checking a rule when the key loads", () => {
  it("names what is wrong: no concept, a concept without terms, a term without letters, a prefix too short", () => {
    expect(creditRuleProblems({ says: "x", concepts: [] })).toEqual(["names no concept"]);
    expect(creditRuleProblems({ says: "x", concepts: [{ concept: "a", terms: [] }] })).toEqual(['concepts.0 ("a") has no terms']);
    expect(creditRuleProblems({ says: "x", concepts: [{ concept: "a", terms: ["--"] }] })).toEqual([
      'concepts.0.terms.0: "--" has no letters or digits',
    ]);
    expect(creditRuleProblems({ says: "x", concepts: [{ concept: "a", terms: ["a*"] }] })).toEqual([
      'concepts.0.terms.0: "a*" is a prefix too short to mean anything',
    ]);
    expect(creditRuleProblems(cacheKey)).toEqual([]);
  });
});
