import { describe, expect, it } from "vitest";
import { buildSecurityHeaders } from "./security-headers";

describe("buildSecurityHeaders", () => {
  it("puts the nonce and configured frame-ancestors in the CSP, HSTS only in production", () => {
    const prod = buildSecurityHeaders({ nonce: "abc", frameAncestors: "'self' https://*.epic.com", production: true });
    expect(prod["content-security-policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(prod["content-security-policy"]).toContain("frame-ancestors 'self' https://*.epic.com");
    expect(prod["content-security-policy"]).not.toContain("unsafe-eval");
    expect(prod["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(prod["x-content-type-options"]).toBe("nosniff");
    const dev = buildSecurityHeaders({ nonce: "n", frameAncestors: "'none'", production: false });
    expect(dev["strict-transport-security"]).toBeUndefined();
    expect(dev["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});
