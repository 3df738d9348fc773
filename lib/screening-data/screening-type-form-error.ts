import { z } from "zod";
import { toFormIssue } from "./screening-type-form";

/**
 * A ZodError whose paths are editor field names. Thrown from the use-cases so the action wrapper
 * answers with per-field issues exactly as it does for the form's own parse errors.
 */
export function screeningTypeFormError(issues: readonly z.core.$ZodIssue[]): z.ZodError {
  return new z.ZodError(
    issues.map((issue) => {
      const { field, message } = toFormIssue(issue);
      return { code: "custom" as const, path: field === "form" ? [] : [field], message, input: undefined };
    }),
  );
}

export function fieldError(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}
