import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configureEhrConnectionSchema } from "@/lib/smart/ehr-connection-schemas";
import { describeValidationIssues, labelOfField } from "./describe-validation-issues";

const describeInput = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a validation error");
  return describeValidationIssues(parsed.error.issues);
};
const libraryText = /Too small|Too big|expected |received|Invalid input|>=|<=|\(key:/;

describe("validation messages in plain words", () => {
  it("names every problem of the Epic form at once, with the field as people know it", () => {
    const { message, issues } = describeInput(configureEhrConnectionSchema, {
      orgSlug: "riverside", fhirBaseUrl: "not a url", clientId: "", clientAuthMethod: "client_secret_basic", scopes: "openid", environment: "staging",
    });
    expect(message).toBe("FHIR base URL must be the clinic's FHIR R4 base URL. Client ID is required. Environment must be one of the choices offered.");
    expect(issues).toEqual([
      { path: "fhirBaseUrl", message: "must be the clinic's FHIR R4 base URL" },
      { path: "clientId", message: "is required" },
      { path: "environment", message: "must be one of the choices offered" },
    ]);
    expect(message).not.toMatch(/fhirBaseUrl|clientId/);
  });

  it("never passes the library's own text through", () => {
    const schema = z.object({ name: z.string().min(2).max(5), key: z.string(), count: z.number().int().min(3), tags: z.array(z.string()).min(1), email: z.email(), when: z.iso.date() });
    const { message, issues } = describeInput(schema, { name: "a", count: 1, tags: [], email: "x", when: "tomorrow" });
    expect(message).not.toMatch(libraryText);
    expect(message).toBe(
      "Name must be at least 2 characters. Key is missing. Count must be at least 3. Tags must be at least 1 item. Email must be an email address. When must be a date (YYYY-MM-DD).",
    );
    // Beside each (labelled) field, the problem alone.
    expect(issues.map((i) => i.message)).toEqual([
      "must be at least 2 characters", "is missing", "must be at least 3", "must be at least 1 item", "must be an email address", "must be a date (YYYY-MM-DD)",
    ]);
    expect(describeInput(schema, { name: "abcdefg", key: 1, count: 3, tags: ["a"], email: "a@b.co", when: "2026-01-01" }).message).toBe(
      "Name must be at most 5 characters. Key is not the right kind of value.",
    );
  });

  it("reads zod's text re-issued as a custom issue on an editor field", () => {
    const custom = (message: string) => new z.ZodError([{ code: "custom", path: ["name"], message, input: undefined }]).issues;
    expect(describeValidationIssues(custom("Too small: expected string to have >=2 characters")).message).toBe("Name must be at least 2 characters.");
    expect(describeValidationIssues(custom("Invalid input: expected string, received undefined")).message).toBe("Name is missing.");
    expect(describeValidationIssues(custom("must be unique in this clinic")).message).toBe("Name must be unique in this clinic.");
    // A sentence of our own about the whole input is not given a field name.
    expect(describeValidationIssues(new z.ZodError([{ code: "custom", path: [], message: "Family ID must be lower-case words joined by hyphens.", input: undefined }]).issues).message).toBe(
      "Family ID must be lower-case words joined by hyphens.",
    );
  });

  it("spells out field names it has no label for", () => {
    expect(labelOfField(["overdueAfterDays"])).toBe("Overdue after days");
    expect(labelOfField(["eligibility", "maxAge"])).toBe("Maximum age");
    expect(labelOfField(["items", 0, "sourceUrl"])).toBe("Source URL");
    expect(labelOfField([])).toBe("This value");
  });
});
