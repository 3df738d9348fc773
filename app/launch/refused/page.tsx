import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Launch refused" };

export default function LaunchRefusedPage() {
  return (
    <main className="grid min-h-screen place-items-center bg-muted/40 p-6">
      <Card className="max-w-md">
        <CardHeader className="flex-row items-center gap-3">
          <ShieldAlert className="size-6 text-destructive" aria-hidden />
          <h1 className="text-lg font-semibold">This Epic system is not connected</h1>
        </CardHeader>
        <CardContent className="grid gap-2 text-sm text-muted-foreground">
          <p>HealthPrep was opened from an Epic system that no clinic on this deployment has configured, so the launch was refused.</p>
          <p>Ask your clinic administrator to add this Epic environment under Settings → Epic.</p>
        </CardContent>
      </Card>
    </main>
  );
}
