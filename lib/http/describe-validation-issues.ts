import type { z } from "zod";

/** What people call our form fields; other names are spelled out from camelCase. */
const fieldLabels: Record<string, string> = {
  fhirBaseUrl: "FHIR base URL",
  clientId: "Client ID",
  clientSecret: "Client secret",
  clientAuthMethod: "Client authentication",
  backendClientId: "Backend Services client ID",
  orgSlug: "Clinic",
  organizationId: "Clinic",
  slug: "Clinic address",
  timeZone: "Time zone",
  fhirUser: "Epic user",
  confirmedDate: "Date done",
  screeningTypeKey: "Screening",
  evidenceId: "Evidence",
  epicUser: "Epic user",
  minAge: "Minimum age",
  maxAge: "Maximum age",
  frequencyValue: "How often",
  conditionCodes: "Required conditions",
  evidenceCodes: "Additional codes",
  concepts: "Clinical concepts",
  term: "Keyword",
  text: "The file",
};

export function labelOfField(path: ReadonlyArray<PropertyKey>): string {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!key) return "This value";
  if (fieldLabels[key]) return fieldLabels[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().split(" ");
  const spelled = words.map((w) => (w === "url" ? "URL" : w === "id" ? "ID" : w === "fhir" ? "FHIR" : w)).join(" ");
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

// zod's own messages ("Too small: expected string to have >=2 characters") are for developers;
// a message we wrote in a schema ("must use https") is kept and given its field's name.
const libraryMessage = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;
const formatWords: Record<string, string> = {
  url: "must be a web address starting with https://",
  email: "must be an email address",
  date: "must be a date (YYYY-MM-DD)",
  datetime: "must be a date and time",
  uuid: "is not a valid identifier",
};

type Issue = z.core.$ZodIssue;
const unit = (origin: unknown, n: number) => (origin === "string" ? `${n} ${n === 1 ? "character" : "characters"}` : origin === "array" || origin === "set" ? `${n} ${n === 1 ? "item" : "items"}` : String(n));

/** The problem alone ("must be at least 2 characters"), for showing beside a labelled field. */
export function describeValidationProblem(issue: Issue): string {
  if (!libraryMessage.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      // zod leaves the input out of its issues; its message says what arrived.
      if (issue.input === undefined && /received (undefined|null)$/.test(issue.message)) return "is missing";
      return issue.expected === "int" ? "must be a whole number" : issue.expected === "number" ? "must be a number" : "is not the right kind of value";
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return "is required";
      return `must be at least ${unit(issue.origin, Number(issue.minimum))}`;
    case "too_big":
      return `must be at most ${unit(issue.origin, Number(issue.maximum))}`;
    case "invalid_format":
      return formatWords[issue.format] ?? "is not in the expected format";
    case "invalid_value":
      return "must be one of the choices offered";
    case "unrecognized_keys":
      return "has fields it should not have; reload the page and try again";
    default:
      return fromLibraryText(issue.message);
  }
}

/** One plain sentence for one problem, starting with the field's name. */
export function describeValidationIssue(issue: Issue): string {
  const problem = describeValidationProblem(issue).replace(/\.$/, "");
  // A sentence of our own about the input as a whole ("Family ID must …") already says what it is about.
  if (issue.path.length === 0 && /^[A-Z]/.test(problem)) return `${problem}.`;
  return `${labelOfField(issue.path)} ${problem}.`;
}

/** A zod message re-issued as a custom issue (e.g. mapped onto an editor field): read what it says. */
function fromLibraryText(message: string): string {
  const small = /^Too small: expected (\w+) to have >=?(\d+)/.exec(message);
  if (small) return Number(small[2]) <= 1 && small[1] === "string" ? "is required" : `must be at least ${unit(small[1], Number(small[2]))}`;
  const big = /^Too big: expected (\w+) to have <=?(\d+)/.exec(message);
  if (big) return `must be at most ${unit(big[1], Number(big[2]))}`;
  const number = /^Too (small|big): expected number to be [<>]=?(-?[\d.]+)/.exec(message);
  if (number) return `must be at ${number[1] === "small" ? "least" : "most"} ${number[2]}`;
  if (/received (undefined|null)$/.test(message)) return "is missing";
  return "is not valid";
}

/**
 * Every problem at once, in plain words: `message` names each field ("Client ID is required."),
 * `issues` give the problem alone per field path, for showing beside that (labelled) field.
 */
export function describeValidationIssues(issues: readonly Issue[]): { message: string; issues: Array<{ path: string; message: string }> } {
  // One problem per field (the first): "must be a web address" and "must use https" say one thing twice.
  const seen = new Set<string>();
  const described: Array<{ path: string; message: string; problem: string }> = [];
  for (const issue of issues.slice(0, 40)) {
    const path = issue.path.map(String).join(".");
    if (seen.has(path)) continue;
    seen.add(path);
    described.push({ path, message: describeValidationIssue(issue), problem: describeValidationProblem(issue) });
  }
  const messages = [...new Set(described.map((d) => d.message))];
  return {
    message: messages.length > 0 ? messages.join(" ") : "Some of what was entered is not valid.",
    issues: described.slice(0, 20).map((d) => ({ path: d.path, message: d.problem })),
  };
}
