/** Transfer-in results go to the checkout side's transfer-in service, which owns that state. */
import type { TransferInfo } from "@/server/registry";
import { applyTransferInResult } from "@/server/domains/transfer-in/apply-transfer-in-result";

export async function applyTransferIn(domainName: string, t: TransferInfo): Promise<string> {
  return applyTransferInResult(domainName, t);
}
