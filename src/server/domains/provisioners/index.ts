/** The domain capability's provisioners, listed in the engine's table (src/server/fulfilment/provisioner-table.ts). */
import type { OrderItemKind } from "@/generated/prisma/enums";
import type { Provisioner } from "@/server/orders/provisioner";
import { provisioner as domainRegister } from "./domain-register";
import { provisioner as domainTransfer } from "./domain-transfer";
import { provisioner as domainRenew } from "./domain-renew";
import { provisioner as domainRestore } from "./domain-restore";
import { provisioner as privacy } from "./privacy";

export const DOMAIN_PROVISIONERS: Partial<Record<OrderItemKind, Provisioner>> = {
  domain_register: domainRegister,
  domain_transfer: domainTransfer,
  domain_renew: domainRenew,
  domain_restore: domainRestore,
  privacy,
};
