/** The registrar's view of agreement versions: each with who accepted it and who has not yet. */
import { db } from "@/server/db";
import { assertRole, type ActorContext } from "@/server/context";

export async function listAgreementVersions(ctx: ActorContext) {
  assertRole(ctx, ["registrar_admin", "registrar_auditor"]);
  const [versions, resellers] = await Promise.all([
    db.resellerAgreementVersion.findMany({ orderBy: { publishedAt: "desc" }, take: 50 }),
    db.reseller.findMany({ where: { status: { not: "closed" } }, select: { id: true, displayName: true } }),
  ]);
  const acceptances = await db.resellerAgreementAcceptance.findMany({
    where: { versionId: { in: versions.map((v) => v.id) } },
    orderBy: { acceptedAt: "asc" },
  });
  const names = new Map(resellers.map((r) => [r.id, r.displayName]));
  return versions.map((v, i) => {
    const accepted = acceptances.filter((a) => a.versionId === v.id);
    const done = new Set(accepted.map((a) => a.resellerId));
    return {
      ...v,
      inForce: i === 0,
      accepted: accepted.map((a) => ({ ...a, resellerName: names.get(a.resellerId) ?? a.resellerId })),
      waiting: resellers.filter((r) => !done.has(r.id)),
    };
  });
}
