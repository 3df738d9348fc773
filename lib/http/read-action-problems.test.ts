import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { configureEhrConnectionSchema } from "@/lib/smart/ehr-connection-schemas";
import { readActionProblems } from "./read-action-problems";
import { toErrorBody } from "./to-response";

const refused = (schema: z.ZodType, input: unknown) => ({ ok: false as const, error: toErrorBody(schema.safeParse(input).error).body.error });

describe("readActionProblems", () => {
  it("puts every problem beside its field, in plain words, all at once", () => {
    const result = refused(configureEhrConnectionSchema, { orgSlug: "riverside", fhirBaseUrl: "nope", clientId: " ", clientAuthMethod: "none", scopes: "" , environment: "production" });
    const { fields, form } = readActionProblems(result);
    expect(Object.fromEntries(fields)).toEqual({
      fhirBaseUrl: ["must be the clinic's FHIR R4 base URL"],
      clientId: ["is required"],
      scopes: ["is required"],
    });
    expect(form).toBeNull();
  });

  it("says the whole answer when a problem has no field on the form", () => {
    const result = refused(configureEhrConnectionSchema, { orgSlug: "riverside", fhirBaseUrl: "https://fhir.example.org/R4", clientId: "", clientAuthMethod: "bogus", scopes: "x", environment: "production" });
    const { fields, form } = readActionProblems(result, (path) => (path === "clientId" ? path : undefined));
    expect(Object.fromEntries(fields)).toEqual({ clientId: ["is required"] });
    expect(form).toBe("Client ID is required. Client authentication must be one of the choices offered.");
  });

  it("groups several paths on one field, and reads a refusal without issues or a success", () => {
    const result = { ok: false as const, error: { code: "invalid_input", message: "Keywords …", issues: [{ path: "keywords", message: "a" }, { path: "keywords", message: "b" }] } };
    expect(readActionProblems(result).fields.get("keywords")).toEqual(["a", "b"]);
    expect(readActionProblems({ ok: false, error: { code: "forbidden", message: "You cannot do that." } })).toEqual({ fields: new Map(), form: "You cannot do that." });
    expect(readActionProblems({ ok: true, data: 1 }).form).toBeNull();
    expect(readActionProblems(null).fields.size).toBe(0);
  });
});
