import type { ActionResult } from "./org-action";

export type ActionProblems = {
  /** Field name → its problems in plain words ("must be at least 2 characters"), shown beside the field. */
  fields: ReadonlyMap<string, readonly string[]>;
  /** What no field shows: the whole answer in plain words, naming each field ("Client ID is required."). */
  form: string | null;
};

const none: ActionProblems = { fields: new Map(), form: null };

/**
 * The one way a form reads a refused server action (lib/http/to-response wrote the issues with
 * describeValidationIssues): each problem beside its field, and every problem at once in `form` when any
 * has no field to stand beside. `fieldOf` names the field an issue path belongs to (default: the path
 * itself); undefined means the form has no such field.
 */
export function readActionProblems(
  result: ActionResult<unknown> | null | undefined,
  fieldOf: (path: string) => string | undefined = (path) => path || undefined,
): ActionProblems {
  if (!result || result.ok) return none;
  const fields = new Map<string, string[]>();
  let unplaced = false;
  for (const issue of result.error.issues ?? []) {
    const field = fieldOf(issue.path);
    if (field === undefined) unplaced = true;
    else fields.set(field, [...(fields.get(field) ?? []), issue.message]);
  }
  return { fields, form: unplaced || fields.size === 0 ? result.error.message : null };
}
