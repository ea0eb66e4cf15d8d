/** zod schemas for the domain management forms (console and storefront share them). */
import { z } from "zod";
import { DENIAL_REASONS } from "./respond-transfer-out";
import { parseNameserverLines } from "./rules";

const id = z.string().uuid();
const onOff = z.enum(["on", "off"]).transform((v) => v === "on");

export const renewInput = z.object({
  domainId: id,
  years: z.coerce.number().int().min(1, "Choose 1 to 10 years.").max(10, "Choose 1 to 10 years."),
  idempotencyKey: z.string().min(8).max(100),
});
export const restoreInput = z.object({ domainId: id, idempotencyKey: z.string().min(8).max(100) });
export const toggleInput = z.object({ domainId: id, value: onOff });
export const nameserversInput = z.object({
  domainId: id,
  nameservers: z
    .string()
    .max(4_000)
    .transform((text) => parseNameserverLines(text)),
});
export const dsInput = z.object({
  domainId: id,
  records: z
    .string()
    .max(4_000)
    .transform((text, c) =>
      text
        .split(/\n+/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((line) => {
          const [keyTag, alg, digestType, ...digest] = line.split(/\s+/);
          const nums = [keyTag, alg, digestType].map(Number);
          if (nums.some((n) => !Number.isFinite(n)) || !digest.length) {
            c.addIssue({ code: "custom", message: `"${line}" is not "key-tag algorithm digest-type digest".` });
          }
          return { keyTag: nums[0], alg: nums[1], digestType: nums[2], digest: digest.join("") };
        }),
    ),
});
export const domainOnlyInput = z.object({ domainId: id });
export const transferAnswerInput = z.object({
  domainId: id,
  decision: z.enum(["approve", "reject"]),
  reason: z
    .enum(Object.keys(DENIAL_REASONS) as [keyof typeof DENIAL_REASONS, ...(keyof typeof DENIAL_REASONS)[]])
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export const deleteInput = z.object({
  domainId: id,
  confirmName: z.string().min(1, "Type the domain name to confirm.").max(300),
});
