/** Patient and encounter context from an Epic token response (EHR launch only; absent on standalone). */
export function readLaunchContext(tokens: Record<string, unknown>): { patient: string | null; encounter: string | null } {
  const pick = (v: unknown) => (typeof v === "string" && /^[A-Za-z0-9.-]{1,128}$/.test(v) ? v : null);
  return { patient: pick(tokens.patient), encounter: pick(tokens.encounter) };
}
