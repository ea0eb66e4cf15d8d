/** What a "become a reseller" application must contain. Shared by the form's action and the service. */
import { z } from "zod";
import { slugProblem } from "@/lib/slugs";
import { isCountryCode } from "@/lib/countries";

const text = (label: string, max = 200) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} under ${max} characters.`);

export const applicationInput = z.object({
  companyName: text("the company name"),
  desiredSlug: z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((v, c) => {
      const problem = slugProblem(v);
      if (problem) c.addIssue({ code: "custom", message: problem });
    }),
  contactName: text("a contact name", 120),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,24}$/, "Enter a phone number with country code, for example +1 555 010 0100."),
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country."),
  website: z
    .string()
    .trim()
    .max(200)
    .refine(
      (v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v),
      "Enter a full web address starting with https://, or leave it empty.",
    )
    .default(""),
  expectedVolume: z.coerce
    .number({ error: "Enter the number of domains you expect to register each month." })
    .int("Use a whole number.")
    .min(0, "Use zero or more.")
    .max(1_000_000, "That is more than we can take on; contact us directly."),
  // Compared with the version in force when the application is stored (submit-reseller-application.ts).
  agreementVersion: z.string().trim().min(1).max(40),
  // A ticked checkbox posts "on"; an unticked one posts nothing.
  acceptAgreement: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: "You must accept the reseller agreement to apply." }),
  ),
});

export type ApplicationInput = z.input<typeof applicationInput>;
