import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./to-csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [false, "false"],
  ] as const)("%j → %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes a header and CRLF-terminated rows", () => {
    expect(toCsv(["id", "metadata"], [["aud_1", '{"a":1,"b":"x"}'], ["aud_2", null]])).toBe(
      'id,metadata\r\naud_1,"{""a"":1,""b"":""x""}"\r\naud_2,\r\n',
    );
  });
});
