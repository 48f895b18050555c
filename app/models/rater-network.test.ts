import { describe, expect, it } from "vitest";
import { raterGroups } from "./rater-network";

describe("the rater-candidate network", () => {
  it("is one group when every rater is linked through shared candidates, even at one remove", () => {
    // 1 and 2 shared candidate a; 2 and 3 shared b: 1 and 3 compare through 2.
    const links = [
      { raterId: 1, item: "a" },
      { raterId: 2, item: "a" },
      { raterId: 2, item: "b" },
      { raterId: 3, item: "b" },
    ];
    expect(raterGroups([1, 2, 3], links)).toEqual([[1, 2, 3]]);
  });

  it("splits into groups that never shared a candidate, and a rater with no shared candidate is alone", () => {
    const links = [
      { raterId: 1, item: "a" },
      { raterId: 2, item: "a" },
      { raterId: 3, item: "b" },
      { raterId: 4, item: "b" },
      { raterId: 5, item: "c" },
    ];
    expect(raterGroups([1, 2, 3, 4, 5], links)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("a gold sample both groups rated joins them", () => {
    const live = [
      { raterId: 1, item: "a" },
      { raterId: 2, item: "a" },
      { raterId: 3, item: "b" },
      { raterId: 4, item: "b" },
    ];
    const gold = [
      { raterId: 1, item: "gold:sd-1" },
      { raterId: 4, item: "gold:sd-1" },
    ];
    expect(raterGroups([1, 2, 3, 4], [...live, ...gold])).toEqual([[1, 2, 3, 4]]);
  });
});
