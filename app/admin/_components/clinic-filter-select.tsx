import { Label } from "@/components/ui/label";

export const filterSelectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/** The "Clinic" filter of the admin lists (a GET form field named organizationId). */
export function ClinicFilterSelect(props: { id: string; organizations: ReadonlyArray<{ id: string; name: string }>; value: string | undefined }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={props.id}>Clinic</Label>
      <select id={props.id} name="organizationId" defaultValue={props.value ?? ""} className={filterSelectClass}>
        <option value="">All clinics</option>
        {props.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
