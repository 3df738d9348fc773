import Link from "next/link";

type Filter = Readonly<Record<string, string | number | undefined>>;

/** "?a=1&page=2": the filters that are set and the page (page 1 left out), as the admin lists link them. */
export function filterQuery(filter: Filter, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  if (page !== undefined && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Newer / page N / older links under a newest-first admin list, keeping its filters. */
export function PageLinks(props: { label: string; path: string; filter: Filter; page: number; hasNext: boolean; items: string }) {
  const href = (page: number) => `${props.path}${filterQuery(props.filter, page)}`;
  return (
    <nav aria-label={props.label} className="mt-4 flex items-center justify-between text-sm">
      {props.page > 1 ? <Link className="underline" href={href(props.page - 1)}>Newer {props.items}</Link> : <span />}
      <span className="text-muted-foreground">Page {props.page}</span>
      {props.hasNext ? <Link className="underline" href={href(props.page + 1)}>Older {props.items}</Link> : <span />}
    </nav>
  );
}
