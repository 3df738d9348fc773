import { withPublic } from "@/lib/http/with-public";
import { listPublishedJwks } from "@/lib/smart/signing-keys";

// GET /.well-known/jwks.json (rewritten here) – our public keys for Epic private_key_jwt
export const GET = withPublic(
  async (_request, { db }) =>
    Response.json(await listPublishedJwks(db), { headers: { "cache-control": "public, max-age=3600" } }),
  { permission: "public", reason: "Epic fetches our JWKS without credentials" },
);
