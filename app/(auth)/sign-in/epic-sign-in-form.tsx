import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { signInWithEpicAction } from "../epic-actions";

export function EpicSignInForm({ clinics }: { clinics: Array<{ slug: string; name: string }> }) {
  if (clinics.length === 0) return null;
  return (
    <form action={signInWithEpicAction} className="grid gap-3">
      <div className="grid gap-2">
        <Label htmlFor="clinic">Clinic</Label>
        <select id="clinic" name="clinic" className="h-9 rounded-md border border-input bg-background px-2 text-sm" defaultValue={clinics[0]!.slug}>
          {clinics.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" className="w-full bg-[#b5121b] text-white hover:bg-[#9a0f17]">
        Sign in with Epic
      </Button>
    </form>
  );
}
