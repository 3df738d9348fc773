// Runs once per server start: a production server without its secrets must not come up, and the
// job dispatcher (Inngest, or the in-process runner in embedded mode) is registered.
export async function register() {
  const { assertProductionSecrets } = await import("./lib/env");
  assertProductionSecrets();
  // NEXT_RUNTIME is Next's own marker of which runtime is registering, not configuration.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./inngest");
}
