import { defineConfig } from "prisma/config";

// Offline machines: `prisma generate` never runs the native schema engine, but the CLI tries to
// download it unless this points at an existing file. Migrations go through scripts/migrate.mjs
// (Prisma's own engine compiled to WebAssembly); `prisma migrate deploy` also works when online.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "scripts/no-schema-engine.sh";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
