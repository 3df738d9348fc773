// Runs once per server start: a production server without its secrets must not come up.
export async function register() {
  const { assertProductionSecrets } = await import("./lib/env");
  assertProductionSecrets();
}
