import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { env } from "../server/env";
import { deriveSecret } from "../server/secrets";
import { sameOriginUrl } from "./callback-url";
import { rateLimitedError } from "./sign-in-error";
import { verifyCredentials } from "./verify-credentials";

// next-auth reads NEXTAUTH_URL for its callbacks: default it to the public URL.
process.env.NEXTAUTH_URL ??= process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

let options: NextAuthOptions | undefined;

/** next-auth (v4) with e-mail + password, JWT sessions of 12 hours. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET ?? deriveSecret("nextauth"),
    session: { strategy: "jwt", maxAge: 12 * 3600 },
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
          return { id: r.userId };
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth follows: on our origin only (its default throws on some inputs).
      async redirect({ url, baseUrl }) {
        return sameOriginUrl(url, baseUrl);
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
  return options;
}
