/** The certificate capability's provisioners, listed in the engine's table (src/server/fulfilment/provisioner-table.ts). */
import type { OrderItemKind } from "@/generated/prisma/enums";
import type { Provisioner } from "@/server/orders/provisioner";
import { provisioner as sslCertificate } from "./ssl-certificate";

export const SSL_PROVISIONERS: Partial<Record<OrderItemKind, Provisioner>> = {
  ssl_issue: sslCertificate,
  ssl_reissue: sslCertificate,
};
