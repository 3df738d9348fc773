import { Badge } from "@/components/ui/badge";

type Variant = "secondary" | "outline" | "success" | "warning" | "danger" | "info";

export const screeningStatusLabels: Record<string, { label: string; variant: Variant }> = {
  complete: { label: "Complete", variant: "success" },
  due_soon: { label: "Due soon", variant: "info" },
  due: { label: "Due", variant: "warning" },
  overdue: { label: "Overdue", variant: "danger" },
  needs_review: { label: "Needs review", variant: "warning" },
  excluded: { label: "Excluded", variant: "secondary" },
  not_eligible: { label: "Not eligible", variant: "outline" },
};

export function ScreeningStatusBadge({ status }: { status: string }) {
  const s = screeningStatusLabels[status] ?? { label: status, variant: "outline" as const };
  return <Badge variant={s.variant} data-testid="screening-status">{s.label}</Badge>;
}
