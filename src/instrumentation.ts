/**
 * Runs once as the Next.js server starts, before it serves a request: production refuses development
 * defaults here too, for a server started without scripts/start.ts (`next start` by hand).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/env");
  const { unsafeProductionSettings, describeUnsafeSettings } = await import("@/server/production-check");
  const unsafe = unsafeProductionSettings(env());
  if (unsafe.length) {
    console.error(describeUnsafeSettings(unsafe));
    // A server that answers 500 to everything is worse than one that does not start.
    process.exit(1);
  }
}
