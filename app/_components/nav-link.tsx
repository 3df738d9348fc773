"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { LinkPending } from "./link-pending";

const styles = {
  sidebar: {
    base: "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm transition-colors [&_svg]:size-4",
    active: "bg-sidebar-accent font-medium text-white",
    idle: "text-sidebar-muted hover:bg-sidebar-accent/60 hover:text-white",
  },
  tabs: {
    base: "rounded-md px-3 py-1.5 text-sm transition-colors",
    active: "bg-accent font-medium text-accent-foreground",
    idle: "text-muted-foreground hover:bg-muted hover:text-foreground",
  },
};

export function NavLink({ href, children, variant = "sidebar" }: { href: string; children: React.ReactNode; variant?: keyof typeof styles }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  const s = styles[variant];
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={cn(s.base, active ? s.active : s.idle)}>
      {children}
      <LinkPending />
    </Link>
  );
}
