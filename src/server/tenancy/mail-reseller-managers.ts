/** Sends one mail per owner and admin of a reseller (used for account-level notices). */
import type { Tx } from "@/server/db";

export async function mailResellerManagers(
  tx: Tx,
  resellerId: string,
  send: (to: string) => Promise<unknown>,
): Promise<void> {
  const managers = await tx.membership.findMany({
    where: { resellerId, role: { in: ["owner", "admin"] }, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  for (const m of managers) await send(m.user.email);
}
