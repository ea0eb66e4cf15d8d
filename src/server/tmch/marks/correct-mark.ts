/**
 * Correcting a submission the TMCH found incorrect: free, like the TMCH's own corrections, and
 * open to the registrant who owns the mark or the reseller's staff. The correction replaces the whole
 * submission; the TMCH verifies it again.
 */
import { db } from "@/server/db";
import { assertCanWrite, assertRole, type ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/parse-input";
import { recordAudit } from "@/server/audit/record-audit";
import { tmch } from "../http/access";
import { markSubmissionSchema } from "../mark-submission";
import { TmchError } from "../port";
import { smdFor, writeStatus } from "./apply-status";
import { getMarkOrThrow } from "./get-mark";

export async function correctMark(ctx: ActorContext, input: { markId: string; submission: unknown }) {
  assertCanWrite(ctx);
  assertRole(ctx, ["owner", "admin", "support", "registrant", "system"]);
  const submission = parseInput(markSubmissionSchema, input.submission);
  const mark = await getMarkOrThrow(db, ctx, input.markId);
  if (mark.state !== "incorrect" || !mark.tmchId)
    throw new AppError("CONFLICT", "Only a submission the TMCH found incorrect can be corrected.");
  const port = tmch();
  let status;
  try {
    status = await port.correctMark(mark.tmchId, submission);
  } catch (e) {
    if (!(e instanceof TmchError)) throw e;
    if (e.transient)
      throw new AppError("REGISTRY_UNAVAILABLE", "The Trademark Clearinghouse cannot be reached; try again shortly.");
    throw new AppError("INVALID_INPUT", `The Trademark Clearinghouse refused the correction: ${e.message}`);
  }
  const smd = await smdFor(port, mark, status);
  return db.$transaction(async (tx) => {
    await tx.tmchMark.update({ where: { id: mark.id }, data: { submission, markName: submission.name } });
    const after = await writeStatus(tx, { ...mark, markName: submission.name }, status, smd, new Date());
    await recordAudit(tx, ctx, {
      action: "tmch.mark-correct",
      entity: "tmch_mark",
      entityId: mark.id,
      resellerId: mark.resellerId,
      before: { reasons: mark.reasons },
      after: { markName: submission.name },
    });
    return after;
  });
}
