/** What the stand-in's HTTP API answers, checked at the edge before anything trusts it. */
import { z } from "zod";
import type { CaOrder } from "../port";

const challenge = z.object({
  name: z.string(),
  method: z.enum(["dns-txt", "http-file", "email"]),
  state: z.enum(["pending", "processing", "valid", "invalid"]),
  dnsRecordName: z.string().optional(),
  dnsRecordValue: z.string().optional(),
  httpPath: z.string().optional(),
  httpBody: z.string().optional(),
  emailAddress: z.string().optional(),
  error: z.string().optional(),
});

export const caOrderSchema = z.object({
  caOrderId: z.string(),
  state: z.enum(["pending_validation", "pending_approval", "processing", "issued", "rejected"]),
  challenges: z.array(challenge),
  organisationState: z.enum(["pending", "verified", "rejected"]).optional(),
  rejectionReason: z.string().optional(),
  certificate: z
    .object({
      serialNumber: z.string().regex(/^[0-9a-f]+$/),
      certificatePem: z.string(),
      chainPem: z.array(z.string()),
      notBefore: z.iso.datetime(),
      notAfter: z.iso.datetime(),
      spkiSha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
  previousSerials: z.array(z.string()).default([]),
});

export const chainSchema = z.object({ rootPem: z.string(), intermediatePem: z.string() });

export const statusSchema = z.object({
  serialNumber: z.string(),
  status: z.enum(["valid", "revoked", "expired"]),
  notAfter: z.iso.datetime(),
  revokedAt: z.iso.datetime().optional(),
  reason: z.string().optional(),
});

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** One item of a batch answer: its own HTTP status, and what a single call would have answered. */
const itemError = z.object({ status: z.number().int(), error: z.object({ code: z.string(), message: z.string() }) });
export const orderBatchSchema = z.object({
  results: z.array(z.union([z.object({ status: z.literal(200), order: caOrderSchema }), itemError])),
});
export const revokeBatchSchema = z.object({
  results: z.array(z.union([z.object({ status: z.literal(200), certificate: statusSchema }), itemError])),
});

export function toCaOrder(o: z.infer<typeof caOrderSchema>): CaOrder {
  return {
    caOrderId: o.caOrderId,
    state: o.state,
    challenges: o.challenges,
    ...(o.organisationState ? { organisationState: o.organisationState } : {}),
    ...(o.rejectionReason ? { rejectionReason: o.rejectionReason } : {}),
    ...(o.certificate
      ? {
          certificate: {
            ...o.certificate,
            notBefore: new Date(o.certificate.notBefore),
            notAfter: new Date(o.certificate.notAfter),
          },
        }
      : {}),
  };
}
