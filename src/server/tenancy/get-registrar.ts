/**
 * The registrar of this deployment (one row), public: every storefront shows its disclosure text.
 * Cached in the process; any change to the row clears every cache (decision 095).
 */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ensureCacheListener } from "@/server/cache/listen";
import { taggedCache } from "@/server/cache/tagged-cache";

async function loadRegistrar() {
  const registrar = await db.registrar.findUnique({ where: { id: "registrar" } });
  if (!registrar) throw new AppError("INTERNAL", "The registrar has not been configured; run npm run db:seed.");
  return registrar;
}

const registrarCache = taggedCache<Awaited<ReturnType<typeof loadRegistrar>>>({ tags: () => ["registrar"], max: 1 });

export function getRegistrar() {
  ensureCacheListener();
  return registrarCache.get("registrar", loadRegistrar);
}
