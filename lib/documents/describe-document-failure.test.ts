import { describe, expect, it } from "vitest";
import { failureReasons } from "./extraction-result";
import { describeDocumentFailure } from "./describe-document-failure";

describe("describeDocumentFailure", () => {
  it("says every extraction and fetch failure in plain words, without the code", () => {
    for (const reason of [...failureReasons, "no_content", "not_in_ehr", "fetch_failed", "ocr_engine"]) {
      const { text } = describeDocumentFailure(reason);
      expect(text, reason).not.toBe("It could not be read.");
      expect(text, reason).not.toMatch(/_/);
      expect(text).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("retrying helps when Epic or the reader failed, not when the file itself is bad", () => {
    expect(describeDocumentFailure("corrupt").retryHelps).toBe(false);
    expect(describeDocumentFailure("encrypted").retryHelps).toBe(false);
    expect(describeDocumentFailure("fetch_failed").retryHelps).toBe(true);
    expect(describeDocumentFailure(null)).toEqual({ text: "It could not be read.", retryHelps: true });
  });
});
