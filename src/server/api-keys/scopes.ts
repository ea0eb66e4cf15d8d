/** What each scope lets a key do, in words for the console and the OpenAPI document. */
import type { ApiScope } from "@/generated/prisma/enums";

export const API_SCOPES = ["read", "domains", "billing"] as const satisfies readonly ApiScope[];

export const SCOPE_WORDS: Record<ApiScope, string> = {
  read: "Read domains, contacts, customers, orders, prices, bulk jobs, webhook endpoints and availability.",
  domains:
    "Register, transfer, renew, restore and delete domains, change their name servers, DNSSEC, contacts, locks and auth codes, start bulk jobs (spends the prepaid balance), register and remove webhook endpoints of the key's mode.",
  billing: "Read the balance and the statement.",
};
