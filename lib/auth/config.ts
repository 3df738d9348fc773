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
    error: (error) => {
      // Auth.js wraps the real failure; keep its type and the cause's class/code (never messages with values).
      const cause = (error as { cause?: { err?: { name?: string; code?: string; error?: string; error_description?: string } } }).cause?.err;
      const type = (error as { type?: string }).type;
      const oauth = cause?.error ? { oauthError: cause.error, oauthDescription: cause.error_description?.slice(0, 200) } : {};
      console.warn(JSON.stringify({ level: "warn", event: "auth.error", type, cause: cause?.code ?? cause?.name, ...oauth }));
    },
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
