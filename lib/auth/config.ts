import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

/**
 * The edge-safe half of Auth.js: no database, no Node APIs. middleware.ts builds its gate from this;
 * lib/auth/index.ts adds the providers. The JWT carries only our user id and server-side session id;
 * everything else (membership, role, revocation, timeouts) is checked on the server per request.
 */
export const authConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  // Auth.js logs failed sign-ins as errors with stack traces; keep its log to the error class.
  logger: {
    error: (error) => console.warn(JSON.stringify({ level: "warn", event: "auth.error", error: error.name })),
    warn: (code) => console.warn(JSON.stringify({ level: "warn", event: "auth.warning", code })),
    debug: () => {},
  },
  callbacks: {
    jwt({ token, user }) {
      // Auth.js replaces an OAuth user's id with a random one; ours travels as appUserId.
      const uid = user?.appUserId ?? user?.id;
      if (uid && user?.sessionId) {
        token.uid = uid;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface User {
    sessionId?: string;
    appUserId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}
