/**
 * Auth code reveal (audited: who saw it, when) and reset (a new code set at the registry). The
 * losing registrar must hand the code to the registrant within 5 days (Transfer Policy).
 */
import { db } from "@/server/db";
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/record-audit";
import { callRegistry } from "@/server/registry/access";
import { decryptAuthCode, encryptAuthCode, generateAuthCode } from "./auth-code";
import { applyDomainChange } from "./apply-change";
import { assertManageable, getDomainOrThrow } from "./get-domain-or-throw";

export async function revealAuthCode(
  ctx: ActorContext,
  input: { domainId: string },
): Promise<{ authCode: string; message: string }> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "see the auth code");
  const code = domain.authInfoEnc ? decryptAuthCode(domain.authInfoEnc) : null;
  if (!code) return resetAuthCode(ctx, input);
  await db.$transaction((tx) =>
    recordAudit(tx, ctx, {
      action: "domain.auth_code.reveal",
      entity: "domain",
      entityId: domain.id,
      resellerId: domain.resellerId,
    }),
  );
  return {
    authCode: code,
    message: "This is the domain's auth code. Give it only to the registrar you are transferring to.",
  };
}

export async function resetAuthCode(
  ctx: ActorContext,
  input: { domainId: string },
): Promise<{ authCode: string; message: string }> {
  const domain = await getDomainOrThrow(ctx, input.domainId, { write: true });
  assertManageable(domain, "reset the auth code");
  if (domain.state === "pending_transfer_out")
    throw new AppError("CONFLICT", "A transfer is pending: approve or reject it first.");
  const authCode = generateAuthCode();
  const r = await callRegistry(ctx, domain, "updateDomain", { name: domain.name, authInfo: authCode });
  await applyDomainChange(
    ctx,
    domain,
    "domain.auth_code.reset",
    { authInfoEnc: encryptAuthCode(authCode) },
    { before: null, after: { reset: true } },
  );
  return { authCode, message: `A new auth code is set; the old one no longer works. ${r.words}` };
}
