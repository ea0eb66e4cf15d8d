/**
 * A mark as a registrant records it (RFC 7848's fields): the holder and contacts, goods and services,
 * and the details of a registered trademark, a mark protected by treaty or statute, or one validated
 * by a court. The same shape goes to the TMCH, which derives the labels from the name.
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
const cc = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "A two-letter country code")
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
    .regex(/^\+\d{1,3}\.\d{1,14}$/, "A phone number as +1.5555550100")
    .optional(),
  email: z.email().max(320).optional(),
};

export const markSubmissionSchema = z.object({
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
      classes: z.array(z.number().int().min(1).max(45)).min(1).max(45),
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

export type MarkSubmission = z.infer<typeof markSubmissionSchema>;

export const proofOfUseSchema = z.object({
  filename: text(255),
  mediaType: z.enum(["application/pdf", "image/png", "image/jpeg", "text/plain"]),
  contentBase64: z.base64().max(7 * 1024 * 1024),
});

export type ProofOfUse = z.infer<typeof proofOfUseSchema>;

export const TERM_YEARS = [1, 3, 5] as const;
export type TermYears = (typeof TERM_YEARS)[number];
export const termYearsSchema = z.union([z.literal(1), z.literal(3), z.literal(5)]);
