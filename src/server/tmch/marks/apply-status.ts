/**
 * Brings a mark's row in line with what the TMCH says: state, reasons, labels, term, and the SMD
 * file when a new one was issued. A change of state is audited and mailed to the registrant, in the
 * same transaction as the row.
 */
import { db, type Tx } from "@/server/db";
import { systemContext } from "@/server/context";
import { recordAudit } from "@/server/audit/record-audit";
import type { TmchMark } from "@/generated/prisma/client";
import type { TmchMarkStatus, TmchPort } from "../port";
import { mailStateChange } from "./mark-mail";

/** Reads what must come from the TMCH before the transaction: the SMD file, when it is new. */
export async function smdFor(port: TmchPort, mark: Pick<TmchMark, "smdId">, status: TmchMarkStatus) {
  if (!status.smd || status.smd.smdId === mark.smdId) return null;
  const file = await port.smdFile(status.id);
  return file ? { ...status.smd, file } : null;
}

export async function writeStatus(
  tx: Tx,
  mark: TmchMark,
  status: TmchMarkStatus,
  smd: { smdId: string; notAfter: Date; file: string } | null,
  now: Date,
): Promise<TmchMark> {
  const updated = await tx.tmchMark.update({
    where: { id: mark.id },
    data: {
      tmchId: status.id,
      state: status.state,
      reasons: status.reasons,
      labels: status.labels,
      submittedAt: mark.submittedAt ?? status.submittedAt,
      verifiedAt: status.verifiedAt,
      expiresAt: status.expiresAt,
      ...(smd ? { smdId: smd.smdId, smdFile: smd.file, smdNotAfter: smd.notAfter } : {}),
      // A revoked or lapsed SMD is no longer offered.
      ...(!status.smd && mark.smdId ? { smdId: null, smdFile: null, smdNotAfter: null } : {}),
      lastPolledAt: now,
    },
  });
  if (mark.state !== status.state) {
    await recordAudit(tx, systemContext(mark.resellerId), {
      action: "tmch.mark-state",
      entity: "tmch_mark",
      entityId: mark.id,
      resellerId: mark.resellerId,
      before: { state: mark.state },
      after: { state: status.state, reasons: status.reasons, tmchId: status.id },
    });
    await mailStateChange(tx, status.state, updated);
  }
  return updated;
}

export async function applyStatus(port: TmchPort, mark: TmchMark, status: TmchMarkStatus, now = new Date()) {
  const smd = await smdFor(port, mark, status);
  return db.$transaction((tx) => writeStatus(tx, mark, status, smd, now));
}
