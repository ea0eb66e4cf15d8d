/**
 * Contact input for domain contacts: cleaned and validated with the checkout's rules (one rule set),
 * and the Transfer Policy's test of a material change of registrant.
 */
import { z } from "zod";
import { AppError } from "@/server/errors";
import { contactProblems, normalizePhone, type ContactFields } from "@/lib/contact-rules";
import type { Contact } from "@/generated/prisma/client";

export const CONTACT_KEYS = [
  "name",
  "organization",
  "email",
  "phone",
  "street1",
  "street2",
  "city",
  "state",
  "postalCode",
  "countryCode",
] as const;

const text = z.string().max(400).default("");
export const contactFieldsSchema = z.object(
  Object.fromEntries(CONTACT_KEYS.map((k) => [k, text])) as Record<(typeof CONTACT_KEYS)[number], typeof text>,
);

export function cleanContact(c: ContactFields): ContactFields {
  const t = Object.fromEntries(CONTACT_KEYS.map((k) => [k, (c[k] ?? "").trim().replace(/\s+/g, " ")])) as ContactFields;
  return { ...t, phone: normalizePhone(t.phone), countryCode: t.countryCode.toUpperCase() };
}

/** The cleaned contact, or INVALID_INPUT with a message per field. */
export function validContact(c: ContactFields): ContactFields {
  const clean = cleanContact(c);
  const problems = contactProblems(clean);
  if (Object.keys(problems).length)
    throw new AppError("INVALID_INPUT", "Please correct the contact details.", {
      fields: problems as Record<string, string>,
    });
  return clean;
}

export function fieldsOf(c: Contact): ContactFields {
  return Object.fromEntries(CONTACT_KEYS.map((k) => [k, c[k]])) as ContactFields;
}

const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Transfer Policy II.C: a change of the registrant's name, organisation or email is material.
 * Letter case and spacing alone are treated as a correction, not a new registrant.
 */
export function isMaterialChange(prior: ContactFields, next: ContactFields): boolean {
  return !same(prior.name, next.name) || !same(prior.organization, next.organization) || !same(prior.email, next.email);
}

export const MATERIAL_KEYS = ["name", "organization", "email"] as const;
