import { describe, expect, it } from "vitest";
import { readLaunchContext } from "./read-launch-context";

describe("readLaunchContext", () => {
  it.each([
    [{ patient: "erXuFYUfucBZaryVksYEcMg3", encounter: "eGmO0h.1" }, { patient: "erXuFYUfucBZaryVksYEcMg3", encounter: "eGmO0h.1" }],
    [{}, { patient: null, encounter: null }],
    [{ patient: 42, encounter: "../../x" }, { patient: null, encounter: null }],
  ])("%j", (tokens, expected) => {
    expect(readLaunchContext(tokens)).toEqual(expected);
  });
});
