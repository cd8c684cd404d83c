// /api/auth/* — next-auth (sign-in, session, sign-out).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
