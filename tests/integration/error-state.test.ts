import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorState } from "@/app/_components/error-state";

// The route error boundaries (app/error.tsx, app/o/[orgSlug]/error.tsx, app/admin/error.tsx,
// app/global-error.tsx) all render this; a server error cannot be provoked on purpose in the e2e
// app, so its content is checked here.
const render = (error: unknown) => renderToStaticMarkup(createElement(ErrorState, { error, retry: () => undefined }));

describe("ErrorState", () => {
  it("offers a retry and the server log's reference, never the error's message", () => {
    const error = Object.assign(new Error("duplicate key value violates unique constraint for Jane Doe, MRN 12345"), { digest: "2817364519" });
    const html = render(error);
    expect(html).toContain('role="alert"');
    expect(html).toContain("This page could not be loaded");
    expect(html).toContain("quote reference 2817364519");
    expect(html).toContain(">Try again</button>");
    expect(html).toContain('href="/"');
    expect(html).not.toContain("Jane Doe");
    expect(html).not.toContain("12345");
  });

  it("copes with a thrown value that is not an Error", () => {
    const html = render("a string thrown in the browser");
    expect(html).toContain("This page could not be loaded");
    expect(html).not.toContain("quote reference");
    expect(html).not.toContain("a string thrown");
  });
});
