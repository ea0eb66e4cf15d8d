/** Transfer-in results go to the checkout side's transfer-in service, which owns that state. */
import type { TransferInfo } from "@/server/registry";

export async function applyTransferIn(domainName: string, t: TransferInfo): Promise<string> {
  return `transfer-in ${t.status} for ${domainName}: no transfer-in handler yet`;
}
