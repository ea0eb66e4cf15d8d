/**
 * The registrant contact an order names: one of the registrant's saved contacts, or new details,
 * checked by the contact rules and saved, with contact verification (decision 092) started for them.
 * Checkout and launch applications share it, so a launch registrant is verified like any other.
 */
import { z } from "zod";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { contactProblems, normalizePhone, type ContactFields } from "@/lib/contact-rules";
import { startContactVerification } from "@/server/contact-verification/start/start-verification";

const VERIFY_WITHIN_MS = 15 * 86_400_000;

export const registrantContactInput = {
  contactId: z.string().nullable().optional(),
  contact: z.custom<ContactFields>().optional(),
};

export type RegistrantContactChoice = {
  resellerId: string;
  registrantId: string | null;
  contactId?: string | null;
  contact?: ContactFields;
  /** Prepended to each field an error names, where the form's contact inputs carry a prefix. */
  fieldPrefix?: string;
};

export async function resolveRegistrantContact(ctx: ActorContext, choice: RegistrantContactChoice): Promise<string> {
  const { resellerId, registrantId, fieldPrefix = "" } = choice;
  if (choice.contactId) {
    const c = await db.contact.findUnique({
      where: { id: choice.contactId },
      select: { resellerId: true, registrantId: true },
    });
    if (!c || c.resellerId !== resellerId || (ctx.kind === "registrant" && c.registrantId !== registrantId))
      throw new AppError("NOT_FOUND", "That saved contact was not found.");
    return choice.contactId;
  }
  if (!choice.contact)
    throw new AppError("INVALID_INPUT", "Enter the registrant's contact details.", {
      fields: { [`${fieldPrefix}name`]: "Full name is required." },
    });
  const c = {
    ...choice.contact,
    phone: normalizePhone(choice.contact.phone),
    countryCode: choice.contact.countryCode.trim().toUpperCase(),
  };
  const problems = contactProblems(c);
  if (Object.keys(problems).length)
    throw new AppError("INVALID_INPUT", "Please correct the registrant's contact details.", {
      fields: Object.fromEntries(Object.entries(problems).map(([k, v]) => [`${fieldPrefix}${k}`, v as string])),
    });
  const row = await db.contact.create({
    data: { resellerId, registrantId, ...c, verificationDeadline: new Date(Date.now() + VERIFY_WITHIN_MS) },
  });
  await startContactVerification(row.id);
  return row.id;
}
