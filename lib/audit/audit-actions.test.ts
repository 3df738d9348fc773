import { describe, expect, it } from "vitest";
import { auditActionSchema, auditMetadataSchema } from "./audit-actions";

describe("audit metadata", () => {
  it.each([
    [{ role: "provider", count: 3, ids: ["pat_01J", "doc_01K"] }, true],
    [{ field: "timeZone", previous: "America/New_York" }, true],
    [{ note: "Jane Doe has diabetes" }, false],
    [{ name: "O'Brien" }, false],
    [{ long: "x".repeat(121) }, false],
  ])("%j allowed: %s", (metadata, ok) => {
    expect(auditMetadataSchema.safeParse(metadata).success).toBe(ok);
  });

  it("accepts only declared actions", () => {
    expect(auditActionSchema.safeParse("member.role_changed").success).toBe(true);
    expect(auditActionSchema.safeParse("member.deleted_everything").success).toBe(false);
  });
});
