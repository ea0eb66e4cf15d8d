/**
 * The storefront's "record a mark" form: one flat post (a registered trademark, the holder, one
 * contact, an optional proof of use) turned into the submission orderMark takes. Treaty and court
 * marks are recorded through the console or the API, where their longer forms fit.
 */
import { z } from "zod";
import { TERM_YEARS, type MarkSubmission } from "../mark-submission";

const MAX_PROOF_BYTES = 5 * 1024 * 1024;
const PROOF_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"] as const;
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.string().trim().min(1, "Required").max(max);
const optional = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

export const markFormSchema = z.object({
  idempotencyKey: z.string().min(8).max(100),
  name: text(255),
  holderOrg: text(255),
  holderEmail: z.preprocess(blank, z.email().optional()),
  street: text(255),
  city: text(255),
  postalCode: optional(16),
  countryCode: z.string().regex(/^[A-Za-z]{2}$/, "A two-letter country code"),
  contactName: text(255),
  contactEmail: z.email(),
  goodsAndServices: text(10_000),
  jurisdiction: z.string().regex(/^[A-Za-z]{2}$/, "A two-letter country code"),
  classes: z
    .string()
    .regex(/^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/, "Nice classes as numbers, such as 31, 44")
    .transform((s) => s.split(",").map((c) => Number(c.trim()))),
  regNum: text(64),
  regDate: z.iso.date("A date such as 2020-03-01"),
  termYears: z.coerce
    .number()
    .refine((n) => (TERM_YEARS as readonly number[]).includes(n), "1, 3 or 5 years")
    .default(1),
  proofOfUse: z
    .instanceof(File)
    .refine((f) => f.size <= MAX_PROOF_BYTES, "At most 5 MB")
    .refine((f) => (PROOF_TYPES as readonly string[]).includes(f.type), "A PDF, PNG, JPEG or text file")
    .optional(),
});

export type MarkForm = z.infer<typeof markFormSchema>;

export function submissionFromForm(f: MarkForm): MarkSubmission {
  const addr = { street: [f.street], city: f.city, pc: f.postalCode, cc: f.countryCode.toUpperCase() };
  return {
    name: f.name,
    holder: { entitlement: "owner", org: f.holderOrg, email: f.holderEmail, addr },
    contacts: [{ type: "owner", name: f.contactName, email: f.contactEmail, addr }],
    goodsAndServices: f.goodsAndServices,
    details: {
      type: "trademark",
      jurisdiction: f.jurisdiction.toUpperCase(),
      classes: f.classes,
      regNum: f.regNum,
      regDate: `${f.regDate}T00:00:00.000Z`,
    },
  };
}

export async function proofFromForm(file: File | undefined) {
  if (!file) return undefined;
  return {
    filename: file.name.slice(0, 255) || "proof-of-use",
    mediaType: file.type,
    contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64"),
  };
}
