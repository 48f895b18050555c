// The request matcher against the shipped scenarios: a strong candidate's own requests find what
// they meant, synonyms and word forms count, the closest items answer a vague request, and no
// broad request (nor any menu) can fish out the evidence that shows the cause.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES_DIR } from "./exercise.server";
import { ANSWERS, answerQuery, concepts, matchEvidence } from "./evidence-matcher";
import { ASSISTANT_REQUESTS, FRAUD_REQUESTS, OVERNIGHT_REQUESTS, type Request } from "./evidence-requests";
import { ScenarioSchema, type Scenario } from "./incident-scenario";

const load = (slug: string) =>
  ScenarioSchema.parse(JSON.parse(readFileSync(path.join(EXERCISES_DIR, slug, "scenario.json"), "utf8"))) as Scenario;

const SCENARIOS: [string, Scenario, Request[]][] = [
  ["debugging-overnight-drop", load("debugging-overnight-drop"), OVERNIGHT_REQUESTS],
  ["debugging-fraud-unit-change", load("debugging-fraud-unit-change"), FRAUD_REQUESTS],
  ["debugging-support-assistant", load("debugging-support-assistant"), ASSISTANT_REQUESTS],
];

const ids = (scenario: Scenario, asked: string, source?: string) => matchEvidence(scenario, asked, source).answers.map((a) => a.item.id);

/** Broad requests, source names and bare nouns: none of them says what is suspected. */
const BROAD = [
  "everything",
  "show me all the evidence",
  "root cause",
  "what's wrong?",
  "the answer",
  "data",
  "logs",
  "events",
  "features",
  "metrics",
  "model",
  "tables",
  "query",
  "sql",
  "changes",
  "sellers",
  "segments",
  "runbooks",
];

describe.each(SCENARIOS)("requests in %s", (slug, scenario, requests) => {
  it("at least 90% of a strong candidate's requests get the item they meant among the first three answers", () => {
    expect(requests.length).toBeGreaterThanOrEqual(40);
    const known = new Set(scenario.evidence.map((e) => e.id));
    expect(requests.filter(([, meant]) => !known.has(meant))).toEqual([]);
    const missed = requests.filter(([asked, meant]) => !ids(scenario, asked).slice(0, 3).includes(meant));
    const share = (requests.length - missed.length) / requests.length;
    console.info(
      `${slug}: ${requests.length - missed.length} of ${requests.length} requests (${(share * 100).toFixed(1)}%) found the item meant in the first three answers` +
        (missed.length ? `; missed: ${missed.map(([asked, meant]) => `"${asked}" (${meant})`).join(", ")}` : ""),
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it("no broad request, source name or menu reaches the evidence that shows the cause", () => {
    const causes = new Set(scenario.evidence.filter((e) => e.showsCause).map((e) => e.id));
    expect(causes.size).toBeGreaterThan(0);
    for (const asked of [...BROAD, ...scenario.sources.map((s) => s.name)]) {
      const leaked = ids(scenario, asked).filter((id) => causes.has(id));
      expect([asked, leaked]).toEqual([asked, []]);
      // Nor with the source chosen: naming where to look is not saying what you suspect.
      for (const source of scenario.sources)
        expect([asked, source.id, ids(scenario, asked, source.id).filter((id) => causes.has(id))]).toEqual([asked, source.id, []]);
    }
    expect(scenario.evidence.filter((e) => e.menu && e.showsCause)).toEqual([]);
  });

  it("answers empty, punctuation-only and very long requests without throwing, and never more than three", () => {
    for (const asked of ["", "   ", "?!?!", "...", "—", "x".repeat(5000), "a ".repeat(2000)]) {
      const match = matchEvidence(scenario, asked);
      expect(match.answers.length).toBeLessThanOrEqual(ANSWERS);
      expect(match.confident).toBe(false);
    }
    expect(matchEvidence(scenario, "?!?!")).toMatchObject({ answers: [], understood: false });
  });
});

describe("the request matcher", () => {
  const [, overnight] = SCENARIOS[0]!;
  const [, fraud] = SCENARIOS[1]!;
  const [, assistant] = SCENARIOS[2]!;

  it("reads synonyms and word forms as the same concept", () => {
    expect(concepts("click-through")).toEqual(concepts("CTR"));
    expect(concepts("missing values")).toEqual(concepts("nulls"));
    expect(concepts("What changed?")).toEqual(concepts("change log"));
    expect(concepts("rolled back")).toEqual(concepts("rollback"));
    expect(concepts("step-ups")).toEqual(concepts("3-D Secure challenges").slice(0, 1));
    expect(ids(overnight, "missing values of seller features")[0]).toBe("null-rates");
    expect(ids(overnight, "nulls in seller features")[0]).toBe("null-rates");
    expect(ids(fraud, "3DS challenges by hour")[0]).toBe("stepup-hourly");
    expect(ids(assistant, "hand-offs to human agents over time")[0]).toBe("escalations");
  });

  it("ranks the item a request names above the ones it only touches", () => {
    // "by app version" is a segment: the platform split comes before the plain dashboard.
    expect(ids(overnight, "CTR by app version")[0]).toBe("ctr-by-platform");
    expect(ids(overnight, "CTR by hour")[0]).toBe("ctr-hourly");
    // The source a candidate picks favours its items.
    expect(ids(overnight, "health")[0]).toBe("service-health");
    expect(ids(overnight, "health", "model")[0]).toBe("retrieval-health");
  });

  it("shows at once only a clear match, and offers the closest when nothing matches well", () => {
    expect(matchEvidence(overnight, "null rate of seller features").confident).toBe(true);
    const vague = matchEvidence(overnight, "something about sellers");
    expect(vague.confident).toBe(false);
    expect(vague.answers.length).toBeGreaterThan(0);
    expect(vague.answers.every((a) => !a.item.showsCause)).toBe(true);
    const none = matchEvidence(overnight, "gpu utilisation");
    expect(none).toMatchObject({ answers: [], understood: true });
    expect(none.unknown.length).toBe(2);
  });

  it("forgives a typo in a long word", () => {
    expect(ids(overnight, "kubernetse events")[0]).toBe("kubernetes-events");
    expect(ids(fraud, "chargebakcs")[0]).toBe("chargebacks");
  });

  it("answers a warehouse query by the tables it reads", () => {
    const join = `select count(*), count(sp.seller_id)
      from warehouse.listings l left join seller_profile sp on sp.seller_id = l.seller_id`;
    expect(answerQuery(overnight, join)).toMatchObject({ item: { id: "join-match-rate" }, tables: ["listings", "seller_profile"] });
    expect(answerQuery(overnight, "select * from seller_profile limit 10").item?.id).toBe("seller-profile-sample");
    expect(answerQuery(overnight, "select app_version, count(*) from carousel_events group by app_version").item?.id).toBe(
      "ctr-by-platform",
    );
    expect(answerQuery(overnight, "select * from users")).toEqual({ item: null, tables: [] });
    // A table name inside another word is not the table.
    expect(answerQuery(overnight, "select * from my_listings_copy").tables).toEqual([]);
    expect(answerQuery(fraud, "select producer_version, amount from payment_events limit 5").item?.id).toBe("raw-events");
  });
});
