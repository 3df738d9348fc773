import type Provider from "oidc-provider";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

function loopbackMatch(value: string, registered: string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" || !loopbackHosts.has(url.hostname)) return false;
  return registered.some((r) => {
    const reg = new URL(r);
    return loopbackHosts.has(reg.hostname) && reg.pathname === url.pathname && !url.search && !url.hash;
  });
}

/**
 * Tests run the app on random ports, so a client registered for http://localhost:3000/api/auth/callback/epic
 * also accepts that path on any loopback port. Epic itself matches redirect URIs exactly.
 */
export function allowLoopbackRedirects(provider: Provider): void {
  const proto = provider.Client.prototype as unknown as {
    redirectUriAllowed(this: { redirectUris: string[] }, value: string): boolean;
  };
  const original = proto.redirectUriAllowed;
  proto.redirectUriAllowed = function redirectUriAllowed(value: string) {
    return original.call(this, value) || loopbackMatch(value, this.redirectUris ?? []);
  };
}
