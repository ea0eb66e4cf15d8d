// Prisma CLI configuration. Only `prisma generate` uses the CLI here (see docs/decisions/003-prisma-offline.md);
// migrations run through scripts/db/*.ts on Prisma's WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
