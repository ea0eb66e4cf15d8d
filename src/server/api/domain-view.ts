/** A domain as the API shows it: dates as strings, only the fields the document names. */
import type { z } from "zod";
import type { Domain } from "@/generated/prisma/client";
import type { domain } from "./schemas";

export function domainView(d: Domain): z.input<typeof domain> {
  return {
    id: d.id,
    name: d.name,
    unicodeName: d.unicodeName,
    tld: d.tld,
    state: d.state,
    expiresAt: d.expiresAt?.toISOString() ?? null,
    autoRenew: d.autoRenew,
    transferLock: d.transferLock,
  };
}
