import { describe, expect, it } from "vitest";
import { convertRtfToText } from "./rtf-to-text";

const wrap = (body: string) => `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}${body}}`;

describe("convertRtfToText", () => {
  const cases: [string, string, string][] = [
    ["par makes lines", wrap("One\\par Two\\par"), "One\nTwo"],
    ["font table, colours, stylesheet, info skipped", wrap("{\\stylesheet{\\s0 Normal;}}{\\info{\\author Dr X}}Body"), "Body"],
    ["hex escapes use the code page", wrap("caf\\'e9 \\'93quoted\\'94"), "café \u201cquoted\u201d"],
    ["unicode with fallback char skipped", wrap("a\\u8212?b"), "a\u2014b"],
    ["negative unicode", wrap("\\u-4064?"), "\uf020"],
    ["uc2 skips two fallback chars", wrap("\\uc2\\u8364??x"), "\u20acx"],
    ["escaped braces and backslash", wrap("\\{x\\} \\\\"), "{x} \\"],
    ["ignorable destination", wrap("{\\*\\generator Word;}Text"), "Text"],
    ["tab and line", wrap("A\\tab B\\line C"), "A\tB\nC"],
    ["field result kept, instruction dropped", wrap('{\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt Link}}'), "Link"],
    ["control words with parameters", wrap("\\pard\\sa200\\fs24\\b Bold\\b0  text"), "Bold text"],
    ["source newlines ignored", wrap("Hello\r\nWorld"), "HelloWorld"],
    ["symbols", wrap("\\emdash \\bullet\\~x"), "\u2014\u2022 x"],
    ["cp1251 code page", "{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8}", "\u041f\u0440\u0438"],
  ];
  it.each(cases)("%s", (_name, rtf, expected) => {
    expect(convertRtfToText(rtf)).toBe(expected);
  });

  it("never throws on truncated or unbalanced input", () => {
    for (const rtf of ["{\\rtf1", "{\\rtf1 }}}}", "\\'zz\\u", "{\\rtf1 \\bin99999 x"]) {
      expect(typeof convertRtfToText(rtf)).toBe("string");
    }
  });
});
