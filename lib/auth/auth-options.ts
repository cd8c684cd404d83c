import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { env } from "../server/env";
import { deriveSecret } from "../server/secrets";
import { sameOriginUrl } from "./callback-url";
import { issueSecondFactorTicket } from "./second-factor-ticket";
import { endSessionsFrom } from "./sessions";
import { rateLimitedError, SECOND_FACTOR_EXPIRED, secondFactorError } from "./sign-in-error";
import { verifyCredentials } from "./verify-credentials";
import { verifySecondFactor } from "./verify-second-factor";

// next-auth reads NEXTAUTH_URL for its callbacks: default it to the public URL.
process.env.NEXTAUTH_URL ??= process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/** How long a session lasts (seconds): next-auth's JWT and its cookie. */
export const SESSION_MAX_AGE = 12 * 3600;

let options: NextAuthOptions | undefined;

/** next-auth (v4) with e-mail + password, JWT sessions of 12 hours. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET ?? deriveSecret("nextauth"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const r = await verifyCredentials(getDb(), {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            clientAddress: clientAddress(req?.headers ?? {}),
          });
          if (!r.ok) throw new Error(r.reason === "rate_limited" ? rateLimitedError(r.retryAfterSeconds) : "CredentialsSignin");
          // Two-factor on: no session yet, a ticket for the second step (sign-in-error.ts).
          if (r.twoFactor) throw new Error(secondFactorError(issueSecondFactorTicket(r.userId, r.sessionVersion)));
          return { id: r.userId, sessionVersion: r.sessionVersion };
        },
      }),
      CredentialsProvider({
        id: "second-factor",
        name: "second-factor",
        credentials: { ticket: { type: "text" }, code: { type: "text" } },
        async authorize(credentials, req) {
          const r = await verifySecondFactor(getDb(), {
            ticket: credentials?.ticket ?? "",
            code: credentials?.code ?? "",
            clientAddress: clientAddress(req?.headers ?? {}),
          });
          if (!r.ok) {
            throw new Error(
              r.reason === "rate_limited"
                ? rateLimitedError(r.retryAfterSeconds)
                : r.reason === "expired"
                  ? SECOND_FACTOR_EXPIRED
                  : "CredentialsSignin",
            );
          }
          return { id: r.userId, sessionVersion: r.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth follows: on our origin only (its default throws on some inputs).
      async redirect({ url, baseUrl }) {
        return sameOriginUrl(url, baseUrl);
      },
      // The session carries the user's session version at sign-in; each request compares it (session.ts).
      async jwt({ token, user }) {
        if (user) token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
      },
    },
    events: {
      // Signing out ends every session of the user (other browsers too), not only this cookie; a
      // session already ended changes nothing (an old cookie cannot keep signing the user out).
      async signOut({ token }) {
        if (token?.sub && typeof token.sv === "number") await endSessionsFrom(getDb(), token.sub, token.sv);
      },
    },
  };
  return options;
}
