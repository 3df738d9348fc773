import { Badge } from "@/components/ui/badge";
import { statusLabels } from "@/lib/prep-sheet/build-screening-sections";
import type { ScreeningStatus } from "@/lib/screening";

// The words are the sheet's own (statusLabels), so the page, the PDF and the Epic note agree.
const statusVariants: Record<ScreeningStatus, "secondary" | "outline" | "success" | "warning" | "danger" | "info"> = {
  complete: "success", due_soon: "info", due: "warning", overdue: "danger", needs_review: "warning", excluded: "secondary", not_eligible: "outline",
};

export function ScreeningStatusBadge({ status }: { status: ScreeningStatus }) {
  return <Badge variant={statusVariants[status]} data-testid="screening-status">{statusLabels[status]}</Badge>;
}
