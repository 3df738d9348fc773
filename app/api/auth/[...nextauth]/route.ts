import { handlers } from "@/lib/auth";

// Auth.js endpoints (sign-in, callback, session, CSRF); public by design.
export const { GET, POST } = handlers;
