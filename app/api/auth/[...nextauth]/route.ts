import { handlers } from "@/lib/auth";
import { declarePublicHandlers } from "@/lib/http/with-public";

// Auth.js endpoints (sign-in, callback, session, CSRF); public by design.
export const { GET, POST } = declarePublicHandlers(handlers, {
  permission: "public",
  reason: "Auth.js checks its own CSRF token and OAuth state",
});
