/**
 * A proof of use added after ordering: held until the submission goes out, or sent to the TMCH at
 * once, which then issues an SMD for a verified mark. Free, like the TMCH's own upload.
 */
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { recordAudit } from "@/server/audit/record-audit";
import { tmch } from "../http/access";
import { proofOfUseSchema } from "../mark-submission";
import { TmchError } from "../port";
import { smdFor, writeStatus } from "./apply-status";
import { getMarkOrThrow } from "./get-mark";

export async function addProofOfUse(ctx: ActorContext, input: { markId: string; proof: unknown }) {
  assertCanWrite(ctx);
  assertRole(ctx, ["owner", "admin", "support", "registrant", "system"]);
  const proof = parseInput(proofOfUseSchema, input.proof);
  const mark = await getMarkOrThrow(db, ctx, input.markId);
  if (["expired", "deactivated", "cancelled"].includes(mark.state))
    throw new AppError("CONFLICT", `The mark is ${mark.state}.`);
  const audit = {
    action: "tmch.mark-proof-of-use",
    entity: "tmch_mark",
    entityId: mark.id,
    resellerId: mark.resellerId,
    after: { filename: proof.filename, mediaType: proof.mediaType },
  };
  if (!mark.tmchId) {
    return db.$transaction(async (tx) => {
      await recordAudit(tx, ctx, audit);
      return tx.tmchMark.update({ where: { id: mark.id }, data: { pendingProofOfUse: proof, hasProofOfUse: true } });
    });
  }
  const port = tmch();
  let status;
  try {
    status = await port.uploadProofOfUse(mark.tmchId, proof);
  } catch (e) {
    if (!(e instanceof TmchError)) throw e;
    if (e.transient)
      throw new AppError("REGISTRY_UNAVAILABLE", "The Trademark Clearinghouse cannot be reached; try again shortly.");
    throw new AppError("INVALID_INPUT", `The Trademark Clearinghouse refused the proof of use: ${e.message}`);
  }
  const smd = await smdFor(port, mark, status);
  return db.$transaction(async (tx) => {
    await recordAudit(tx, ctx, audit);
    await tx.tmchMark.update({ where: { id: mark.id }, data: { hasProofOfUse: true } });
    return writeStatus(tx, mark, status, smd, new Date());
  });
}
