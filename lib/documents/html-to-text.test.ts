import { describe, expect, it } from "vitest";
import { convertHtmlToText } from "./html-to-text";

describe("convertHtmlToText", () => {
  const cases: [string, string, string][] = [
    ["paragraphs become lines", "<p>One</p><p>Two</p>", "One\nTwo"],
    ["br breaks a line", "A<br>B<br/>C", "A\nB\nC"],
    ["inline tags join", "<b>Bold</b> and <i>it</i>alic", "Bold and italic"],
    ["scripts and styles dropped", "<script>alert('x<p>')</script><style>p{}</style><p>Kept</p>", "Kept"],
    ["unclosed script drops the rest", "<p>Before</p><script>var a = 1;", "Before"],
    ["comments dropped", "<p>A<!-- secret --></p>", "A"],
    ["title not duplicated", "<html><head><title>T</title></head><body><h1>Head</h1></body></html>", "Head"],
    ["named entities", "<p>A &amp; B &lt;5&gt; &nbsp;x&mdash;y &eacute;</p>", "A & B <5> x\u2014y é"],
    ["numeric entities", "&#37; &#x2264; &#0; &#X41;", "% \u2264 \ufffd A"],
    ["unknown entity kept", "&notanentity; & alone", "&notanentity; & alone"],
    ["whitespace collapsed", "<p>  a \n\n  b\t c </p>", "a b c"],
    ["pre keeps spacing", "<pre>a  b\n  c</pre>", "a  b\n  c"],
    ["table cells separated by tabs", "<table><tr><th>K</th><td>4.1</td></tr><tr><td>Na</td><td>140</td></tr></table>", "K\t4.1\nNa\t140"],
    ["list items", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"],
    ["attributes with >", '<a title="a > b">link</a>', "link"],
    ["stray less-than", "<p>BP < 130</p>", "BP < 130"],
  ];
  it.each(cases)("%s", (_name, html, expected) => {
    expect(convertHtmlToText(html)).toBe(expected);
  });
});
