/**
 * Security headers for every response (pure, edge-safe). `frameAncestors` comes from configuration
 * so Epic Hyperspace can embed the app for EHR launch while everyone else is refused.
 */
export function buildSecurityHeaders(input: { nonce: string; frameAncestors: string; production: boolean }) {
  const scriptSrc = [`'self'`, `'nonce-${input.nonce}'`, `'strict-dynamic'`];
  // React Refresh in `next dev` evaluates code; production never allows eval.
  if (!input.production) scriptSrc.push(`'unsafe-eval'`);
  const csp = [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    // Sign-in forms redirect to each clinic's Epic authorize endpoint (https, or the loopback sandbox).
    `form-action 'self' https: http://localhost:* http://127.0.0.1:*`,
    `frame-ancestors ${input.frameAncestors}`,
  ].join("; ");
  const headers: Record<string, string> & { "content-security-policy": string } = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (input.production) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
