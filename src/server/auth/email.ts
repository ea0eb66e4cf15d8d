import { z } from "zod";

/** Emails compare case-insensitively: stored and looked up trimmed and lower-case. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address."));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
