/** The registrar of this deployment (one row), public: every storefront shows its disclosure text. */
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export async function getRegistrar() {
  const registrar = await db.registrar.findUnique({ where: { id: "registrar" } });
  if (!registrar) throw new AppError("INTERNAL", "The registrar has not been configured; run npm run db:seed.");
  return registrar;
}
