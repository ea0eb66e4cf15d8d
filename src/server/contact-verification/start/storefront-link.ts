/** Where a reseller's registrants follow a verification link: the storefront they bought from. */
import { baseUrlOf } from "@/server/auth/links";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";

export async function verifyLinkBase(resellerId: string): Promise<string> {
  return `${baseUrlOf(await storefrontHostOf(resellerId))}/verify-email/`;
}
