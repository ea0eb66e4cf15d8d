import { db } from "@/server/db";

/** Whether a registrant turned on two-factor sign-in (a secret alone is a set-up not yet confirmed). */
export async function registrantHasTotp(registrantId: string): Promise<boolean> {
  const row = await db.registrantTotp.findUnique({ where: { registrantId }, select: { enabledAt: true } });
  return row?.enabledAt != null;
}
