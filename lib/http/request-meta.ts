export type RequestMeta = { ip: string | null; userAgent: string | null; origin: string | null; host: string | null };

/** The client address as the platform's proxy reports it (first x-forwarded-for hop). */
export function requestMetaFromHeaders(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
    origin: headers.get("origin"),
    host: headers.get("x-forwarded-host") ?? headers.get("host"),
  };
}
