import { Label } from "@/components/ui/label";

/**
 * One filter of an admin list (a GET form field): "any" first, then the choices. An unset filter
 * submits "" and the list's schema reads it as unset.
 */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | undefined;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className="h-9 rounded-md border border-input bg-background px-2 text-sm">
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The "Clinic" filter of the admin lists. */
export function ClinicFilterSelect(props: { id: string; organizations: ReadonlyArray<{ id: string; name: string }>; value: string | undefined }) {
  return <FilterSelect id={props.id} name="organizationId" label="Clinic" anyLabel="All clinics" options={props.organizations.map((o) => ({ value: o.id, label: o.name }))} value={props.value} />;
}

/** Values shown as they are (action names, statuses). */
export const asOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
