import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { listClinicsForLaunch } from "@/lib/smart/list-clinics-for-launch";

export const metadata: Metadata = { title: "Choose clinic" };

// Several clinics registered the same Epic system: the person picks theirs, and the launch restarts.
export default async function ChooseClinicPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { iss = "", launch = "" } = await searchParams;
  const clinics = await listClinicsForLaunch(iss);
  return (
    <main className="grid min-h-screen place-items-center bg-muted/40 p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-lg font-semibold">Which clinic are you working in?</h1>
          <CardDescription>This Epic system is used by more than one clinic on HealthPrep.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2">
          {clinics.map((c) => (
            <form key={c.slug} action="/launch" method="get">
              <input type="hidden" name="iss" value={iss} />
              <input type="hidden" name="launch" value={launch} />
              <input type="hidden" name="clinic" value={c.slug} />
              <Button type="submit" variant="outline" className="w-full justify-start">
                {c.name}
              </Button>
            </form>
          ))}
        </CardContent>
      </Card>
    </main>
  );
}
