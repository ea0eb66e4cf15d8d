/** What a reseller may set about its storefront's look and support details. Colours must stay readable. */
import { z } from "zod";
import { brandColorProblems } from "@/lib/colors";
import { FONT_CHOICES } from "@/lib/fonts";

const color = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "Use a colour in the form #rrggbb, for example #1d4ed8.");

/** The fields a branding form posts; the reseller comes from the actor, never the form. */
export const brandingFields = z.object({
  displayName: z.string().trim().min(2, "Enter the storefront name.").max(60, "Keep the name under 60 characters."),
  tagline: z.string().trim().max(140, "Keep the tagline under 140 characters.").default(""),
  primaryColor: color,
  accentColor: color,
  backgroundColor: color,
  textColor: color,
  font: z.enum(FONT_CHOICES, { error: "Choose one of the offered fonts." }),
  supportEmail: z.string().trim().toLowerCase().pipe(z.email("Enter a valid support email address.")),
  supportPhone: z
    .string()
    .trim()
    .refine(
      (v) => v === "" || /^\+?[0-9 ().-]{6,24}$/.test(v),
      "Enter a phone number with country code, or leave it empty.",
    )
    .default(""),
  termsText: z.string().max(50_000, "The terms are limited to 50,000 characters.").default(""),
  privacyText: z.string().max(50_000, "The privacy notice is limited to 50,000 characters.").default(""),
});

export const brandingInput = brandingFields.extend({ resellerId: z.uuid() }).superRefine((v, c) => {
  for (const [field, message] of Object.entries(brandColorProblems(v))) {
    c.addIssue({ code: "custom", path: [field], message });
  }
});

export type BrandingInput = z.input<typeof brandingInput>;
