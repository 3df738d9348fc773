/** Binds a stored token to its owner, so ciphertext copied to another row does not decrypt. */
export function tokenAad(owner: { organizationId: string; userId?: string | null }, which: "access" | "refresh"): string {
  return `ehr_tokens.${which}:${owner.organizationId}:${owner.userId ?? "backend"}`;
}
