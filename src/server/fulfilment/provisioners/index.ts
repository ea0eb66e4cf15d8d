/** Which provisioner carries out each order-item kind. Kinds without one are not sold yet. */
import type { OrderItemKind } from "@/generated/prisma/enums";
import type { Provisioner } from "../provisioner";
import { provisioner as domainRegister } from "./domain-register";
import { provisioner as domainTransfer } from "./domain-transfer";
import { provisioner as domainRenew } from "./domain-renew";
import { provisioner as domainRestore } from "./domain-restore";
import { provisioner as privacy } from "./privacy";

export const PROVISIONERS: Partial<Record<OrderItemKind, Provisioner>> = {
  domain_register: domainRegister,
  domain_transfer: domainTransfer,
  domain_renew: domainRenew,
  domain_restore: domainRestore,
  privacy,
};
