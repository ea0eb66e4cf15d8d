/**
 * Adds a custom host name, unverified, with a fresh token the reseller publishes as a TXT record at
 * `_registrar-verify.<host>`. It routes to the storefront only once verified; until then it is only
 * a claim, which blocks nobody else (host-claims.ts).
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { hostWithoutPort } from "@/lib/host-names";
import { env } from "@/env";
import { assertResellerWritable, requireResellerManager } from "./guards";
import { sweepExpiredClaims, verifiedElsewhere } from "./host-claims";
import { customHostInput } from "./host-name-input";
import { parseInput } from "@/server/parse-input";

const MAX_CUSTOM_HOSTS = 20;

export const addHostNameInput = z.object({ resellerId: z.uuid(), host: customHostInput });

export function newVerificationToken(): string {
  return `registrar-verify=${randomBytes(18).toString("base64url")}`;
}

export async function addHostName(ctx: ActorContext, input: z.input<typeof addHostNameInput>) {
  const { resellerId, host } = parseInput(addHostNameInput, input);
  requireResellerManager(ctx, resellerId);
  const platformDomain = hostWithoutPort(env().STOREFRONT_BASE_DOMAIN);
  const consoleHost = hostWithoutPort(env().CONSOLE_HOST);
  const bare = hostWithoutPort(host);
  if (bare === consoleHost || bare === platformDomain || bare.endsWith(`.${platformDomain}`)) {
    throw new AppError("INVALID_INPUT", undefined, {
      fields: {
        host: "Host names under the platform's own domain are assigned by the platform; use a domain you control.",
      },
    });
  }
  return db.$transaction(async (tx) => {
    await assertResellerWritable(tx, resellerId);
    if ((await tx.hostName.count({ where: { resellerId, kind: "custom" } })) >= MAX_CUSTOM_HOSTS) {
      throw new AppError("CONFLICT", `A storefront can have at most ${MAX_CUSTOM_HOSTS} custom host names.`);
    }
    await sweepExpiredClaims(tx, host);
    // Another reseller's unverified claim does not block this one: the first to verify wins.
    if (await verifiedElsewhere(tx, host, resellerId)) {
      throw new AppError("CONFLICT", undefined, { fields: { host: "That host name is already in use." } });
    }
    if (await tx.hostName.findUnique({ where: { resellerId_host: { resellerId, host } }, select: { id: true } })) {
      throw new AppError("CONFLICT", undefined, { fields: { host: "This storefront already has that host name." } });
    }
    const row = await tx.hostName.create({
      data: { resellerId, host, kind: "custom", verificationToken: newVerificationToken() },
    });
    await recordAudit(tx, ctx, {
      action: "host_name.add",
      entity: "hostName",
      entityId: row.id,
      resellerId,
      after: { host },
    });
    return row;
  });
}
