/** What each scope lets a key do, in words for the console and the OpenAPI document. */
import type { ApiScope } from "@/generated/prisma/enums";

export const API_SCOPES = ["read", "domains", "billing"] as const satisfies readonly ApiScope[];

export const SCOPE_WORDS: Record<ApiScope, string> = {
  read: "Read domains, orders and availability.",
  domains: "Register and renew domains, change name servers (spends the prepaid balance).",
  billing: "Read the balance.",
};
