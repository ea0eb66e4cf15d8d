/**
 * Which agreement version is current and whether a reseller has accepted it. The newest published
 * version is the one in force: a reseller that has not accepted it is asked to, and once its
 * acceptance date has passed the reseller's console is read-only until an owner accepts.
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { platformNow } from "@/server/domains/lifecycle/clock";

export async function currentAgreement() {
  return db.resellerAgreementVersion.findFirst({ orderBy: { publishedAt: "desc" } });
}

export type AgreementStanding =
  | { state: "none" }
  | { state: "accepted"; version: string; acceptedAt: Date; acceptedByEmail: string }
  | { state: "due"; versionId: string; version: string; title: string; summary: string; acceptBy: Date }
  | { state: "overdue"; versionId: string; version: string; title: string; summary: string; acceptBy: Date };

export async function agreementStanding(resellerId: string, now: Date = platformNow()): Promise<AgreementStanding> {
  const current = await currentAgreement();
  if (!current) return { state: "none" };
  const accepted = await db.resellerAgreementAcceptance.findUnique({
    where: { resellerId_versionId: { resellerId, versionId: current.id } },
  });
  if (accepted)
    return {
      state: "accepted",
      version: current.version,
      acceptedAt: accepted.acceptedAt,
      acceptedByEmail: accepted.acceptedByEmail,
    };
  const base = {
    versionId: current.id,
    version: current.version,
    title: current.title,
    summary: current.summary,
    acceptBy: current.acceptBy,
  };
  return now > current.acceptBy ? { state: "overdue", ...base } : { state: "due", ...base };
}

/** Refuses a reseller person's change while the agreement in force is accepted late or not at all. */
export async function assertAgreementCurrent(ctx: ActorContext): Promise<void> {
  if (ctx.kind !== "user") return;
  const standing = await agreementStanding(ctx.resellerId);
  if (standing.state === "overdue")
    throw new AppError(
      "READ_ONLY",
      `The reseller agreement version ${standing.version} was due for acceptance and is not accepted yet: the console is read-only until an owner accepts it.`,
    );
}
