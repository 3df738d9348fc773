import type { ActionResult } from "@/lib/http/org-action";
import { cn } from "@/lib/utils";

/**
 * What a form's server action last answered: the refusal in plain words (role=alert, every problem at
 * once), or what it did (role=status). Nothing before the first answer.
 */
export function ActionMessage<T>({ result, done, className }: { result: ActionResult<T> | null; done: (data: T) => React.ReactNode; className?: string }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className={cn("text-sm text-emerald-700", className)}>{done(result.data)}</p>
  ) : (
    <p role="alert" className={cn("text-sm text-destructive", className)}>{result.error.message}</p>
  );
}
