import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export type FieldControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * A labelled control with its hint and its problem in plain words (lib/http/read-action-problems):
 * the control is described by its error, then its hint, and marked invalid while it has an error.
 * Every form builds its fields this way; `children` draws the control with the props it is given.
 */
export function FormField(props: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid content-start gap-1.5", props.className)}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children({ id: props.id, "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy })}
      {props.hint ? <p id={hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      {props.error ? <p id={errorId} className="text-xs text-destructive">{props.error}</p> : null}
    </div>
  );
}
