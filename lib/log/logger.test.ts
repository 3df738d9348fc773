import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { redactForLog } from "./logger";

describe("redactForLog", () => {
  it("drops PHI-looking fields and keeps ids", () => {
    const out = redactForLog({
      patientId: "pat_01",
      patientName: "Jane Doe",
      birthDate: "1960-01-01",
      nested: { mrn: "E123", documentText: "colonoscopy…", count: 3 },
    });
    expect(out).toEqual({
      patientId: "pat_01",
      patientName: "[redacted]",
      birthDate: "[redacted]",
      nested: { mrn: "[redacted]", documentText: "[redacted]", count: 3 },
    });
  });

  it("keeps only class and code of errors", () => {
    expect(redactForLog({ err: new Error("duplicate key (name)=(Jane Doe)") })).toEqual({ err: { error: "Error" } });
    expect(redactForLog({ err: new AppError("not_found", "patient not found") })).toEqual({
      err: { error: "AppError", code: "not_found", message: "patient not found" },
    });
  });
});
