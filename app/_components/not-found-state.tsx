import { SearchX } from "lucide-react";
import Link from "next/link";

/**
 * A page or record that is not there, or not this user's to see: the two look the same on purpose,
 * so a URL cannot tell anyone what exists in another clinic.
 */
export function NotFoundState({ title, children, href, linkLabel }: { title: string; children: React.ReactNode; href: string; linkLabel: string }) {
  return (
    <div className="grid place-items-center rounded-xl border border-dashed bg-card px-6 py-16 text-center" data-testid="not-found">
      <SearchX className="mb-3 size-10 text-muted-foreground/60" aria-hidden />
      <h1 className="text-base font-medium">{title}</h1>
      <div className="mt-1 max-w-md text-sm text-muted-foreground">{children}</div>
      <Link href={href} className="mt-4 text-sm font-medium text-primary underline-offset-4 hover:underline">
        {linkLabel}
      </Link>
    </div>
  );
}
