/** The shapes an agent sends, checked at the stand-in's edge; also what the mark answers look like. */
import { z } from "zod";
import type { MarkRecord } from "./model";

const text = (max: number) => z.string().trim().min(1).max(max);
const cc = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());
const isoDate = z.iso.datetime();

const address = z.object({
  street: z.array(text(255)).min(1).max(3),
  city: text(255),
  sp: text(255).optional(),
  pc: text(16).optional(),
  cc,
});
const party = {
  name: text(255).optional(),
  org: text(255).optional(),
  addr: address,
  voice: z
    .string()
    .regex(/^\+\d{1,3}\.\d{1,14}$/)
    .optional(),
  email: z.email().max(320).optional(),
};

export const submissionSchema = z.object({
  name: text(255),
  holder: z.object({ entitlement: z.enum(["owner", "assignee", "licensee"]), ...party }),
  contacts: z
    .array(z.object({ ...party, type: z.enum(["owner", "agent", "thirdParty"]), name: text(255), email: z.email() }))
    .max(5),
  goodsAndServices: text(10_000),
  labels: z
    .array(z.string().regex(/^[a-z0-9-]{1,63}$/))
    .max(100)
    .optional(),
  details: z.discriminatedUnion("type", [
    z.object({
      type: z.literal("trademark"),
      jurisdiction: cc,
      classes: z.array(z.number().int()).min(1).max(45),
      regNum: text(64),
      regDate: isoDate,
      exDate: isoDate.optional(),
    }),
    z.object({
      type: z.literal("treatyOrStatute"),
      protections: z
        .array(z.object({ cc, region: text(255).optional(), rulings: z.array(cc).max(20) }))
        .min(1)
        .max(20),
      refNum: text(64),
      proDate: isoDate,
      title: text(255),
      execDate: isoDate,
    }),
    z.object({
      type: z.literal("court"),
      refNum: text(64),
      proDate: isoDate,
      cc,
      regions: z.array(text(255)).max(20).optional(),
      courtName: text(255),
    }),
  ]),
});

export const proofSchema = z.object({
  filename: text(255),
  mediaType: z.enum(["application/pdf", "image/png", "image/jpeg", "text/plain"]),
  contentBase64: z.base64().max(7 * 1024 * 1024),
});

export const submitSchema = z.object({
  externalId: text(200),
  termYears: z.union([z.literal(1), z.literal(3), z.literal(5)]),
  submission: submissionSchema,
  proofOfUse: proofSchema.optional(),
});
export const correctSchema = z.object({ submission: submissionSchema });
export const renewSchema = z.object({
  externalId: text(200),
  years: z.union([z.literal(1), z.literal(3), z.literal(5)]),
});
export const decideSchema = z.object({
  outcome: z.enum(["verified", "incorrect"]),
  reasons: z.array(text(500)).max(20).default([]),
});

function smdView(m: MarkRecord, id: string | null) {
  const s = m.smds.find((x) => x.smdId === id);
  return s ? { smdId: s.smdId, notBefore: s.notBefore, notAfter: s.notAfter } : null;
}

/** What the API answers for a mark: everything but the SMD files themselves. */
export function markView(m: MarkRecord, currentSmdId: string | null) {
  return {
    id: m.id,
    externalId: m.externalId,
    state: m.state,
    reasons: m.reasons,
    labels: m.labels,
    termYears: m.termYears,
    submittedAt: m.submittedAt,
    verifiedAt: m.verifiedAt,
    expiresAt: m.expiresAt,
    proofOfUse: m.proofOfUse,
    smd: smdView(m, currentSmdId),
    history: m.history,
  };
}
