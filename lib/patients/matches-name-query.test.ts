import { describe, expect, it } from "vitest";
import { matchesNameQuery } from "./matches-name-query";

describe("matchesNameQuery", () => {
  it.each([
    ["Desirée Powell", "des pow", true],
    ["Desiree Powell", "POWELL", true],
    ["Mary-Jane O'Neil", "jane neil", true],
    ["Desiree Powell", "owell", false],
    ["Desiree Powell", "desiree smith", false],
    ["Desiree Powell", "   ", false],
  ])("%s / %s → %s", (name, query, expected) => {
    expect(matchesNameQuery(name, query)).toBe(expected);
  });
});
