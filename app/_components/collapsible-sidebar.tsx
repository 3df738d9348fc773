"use client";
import { PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The sidebar: full width on a desktop; below 1024 px a narrow rail of icons (labels stay for
 * screen readers) that a button opens over the page, and that closes again on navigation.
 */
export function CollapsibleSidebar({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      {/* A rail-wide spacer keeps the page clear of the sidebar when it opens over it. */}
      <div aria-hidden className="no-print w-14 shrink-0 lg:hidden" />
      <aside
        data-expanded={open}
        className={`group no-print flex flex-col gap-6 bg-sidebar text-sidebar-foreground max-lg:fixed max-lg:inset-y-0 max-lg:left-0 max-lg:z-40 max-lg:overflow-y-auto lg:w-60 lg:shrink-0 lg:p-4 ${open ? "w-60 p-4 shadow-xl" : "w-14 px-2 py-4"}`}
      >
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          className="flex items-center gap-2 self-start rounded-md p-2 text-sidebar-muted hover:bg-sidebar-accent/60 hover:text-white lg:hidden"
        >
          {open ? <PanelLeftClose aria-hidden className="size-5" /> : <PanelLeftOpen aria-hidden className="size-5" />}
          <span className="sr-only">{open ? "Close menu" : "Menu"}</span>
        </button>
        {children}
      </aside>
    </>
  );
}
