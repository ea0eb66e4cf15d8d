/**
 * The `tmch_mark` provisioner (the engine's contract, decision 074): sends a paid submission, or a
 * paid renewal, to the TMCH. Both are idempotent at the TMCH on their reference (the mark's id for a
 * submission, the order item's id for a renewal), so a retry after a lost answer cannot record a mark
 * twice or renew it twice. The TMCH's fee is due on submission, whatever the verification finds: the
 * item completes when the TMCH has the mark, and verification is followed by the poll.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { ProvisionLater, type Provisioner } from "@/server/orders/provisioner";
import { tmch } from "../http/access";
import { markSubmissionSchema, proofOfUseSchema, termYearsSchema } from "../mark-submission";
import { TmchError } from "../port";
import { smdFor, writeStatus } from "./apply-status";
import { markItemDetailsSchema } from "./item-details";

export const provisioner: Provisioner = async (job) => {
  const details = markItemDetailsSchema.parse(job.item.details);
  const mark = await db.tmchMark.findFirst({ where: { id: details.markId, resellerId: job.item.resellerId } });
  if (!mark) return { status: "failed", reason: "The mark is no longer on record." };
  const port = tmch();
  const years = termYearsSchema.parse(job.item.period);
  try {
    if (details.action === "submit") {
      const proof = mark.pendingProofOfUse ? proofOfUseSchema.parse(mark.pendingProofOfUse) : undefined;
      const status = await port.submitMark({
        externalId: mark.id,
        termYears: years,
        submission: markSubmissionSchema.parse(mark.submission),
        proofOfUse: proof,
      });
      const smd = await smdFor(port, mark, status);
      return {
        status: "completed",
        message: `The Trademark Clearinghouse has the mark (${status.id}).`,
        commit: async (tx) => {
          const after = await writeStatus(tx, mark, status, smd, new Date());
          await tx.tmchMark.update({
            where: { id: after.id },
            data: {
              orderItemId: job.item.id,
              pendingProofOfUse: Prisma.DbNull,
              hasProofOfUse: !!proof || mark.hasProofOfUse,
            },
          });
        },
      };
    }
    if (!mark.tmchId) return { status: "failed", reason: "The mark was never recorded at the TMCH." };
    const status = await port.renewMark(mark.tmchId, job.item.id, years);
    const smd = await smdFor(port, mark, status);
    return {
      status: "completed",
      message: `Renewed until ${status.expiresAt?.toISOString().slice(0, 10)}.`,
      commit: async (tx) => void (await writeStatus(tx, mark, status, smd, new Date())),
    };
  } catch (e) {
    if (!(e instanceof TmchError)) throw e;
    if (e.transient) throw new ProvisionLater(e.message, { mayHaveTakenEffect: e.mayHaveTakenEffect, cause: e });
    return {
      status: "failed",
      reason: `The Trademark Clearinghouse refused: ${e.message}`,
      commit:
        details.action === "submit"
          ? async (tx) =>
              void (await tx.tmchMark.update({
                where: { id: mark.id },
                data: { state: "cancelled", reasons: [e.message] },
              }))
          : undefined,
    };
  }
};

export const TMCH_PROVISIONERS = { tmch_mark: provisioner } as const;
