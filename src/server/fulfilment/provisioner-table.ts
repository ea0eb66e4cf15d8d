/**
 * The one table of who carries out each order-item kind. Each capability keeps its provisioners in
 * its own folder and lists them here; a kind with no entry is not sold yet and fails cleanly.
 */
import type { OrderItemKind } from "@/generated/prisma/enums";
import type { Provisioner } from "@/server/orders/provisioner";
import { DOMAIN_PROVISIONERS } from "@/server/domains/provisioners";
import { SSL_PROVISIONERS } from "@/server/ssl/provisioners";
import { TMCH_PROVISIONERS } from "@/server/tmch/marks/provision-mark";
import { LAUNCH_PROVISIONERS } from "@/server/launch/sunrise/provision-application";
import { PREORDER_PROVISIONERS } from "@/server/launch/preorder/provision-preorder";

export const PROVISIONERS: Partial<Record<OrderItemKind, Provisioner>> = {
  ...DOMAIN_PROVISIONERS,
  ...SSL_PROVISIONERS,
  ...TMCH_PROVISIONERS,
  ...LAUNCH_PROVISIONERS,
  ...PREORDER_PROVISIONERS,
};
