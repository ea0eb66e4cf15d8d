/**
 * The item the engine works on, with the order and product facts every provisioner reads: one
 * statement on the raw pool (three queries through Prisma's `include`).
 */
import { sqlPool } from "@/server/db";
import type { ProvisionItem } from "../orders/provisioner";

// Every column of the item (a kind's provisioner may read one added later), then the facts of its
// order and product under prefixed names.
const LOAD_ITEM = `
  select i.*, o."registrantId" as "o_registrantId", o.currency as o_currency, o."createdAt" as "o_createdAt",
    p.code as p_code, p.name as p_name, p."registryOperator" as "p_registryOperator", p.dnssec as p_dnssec
  from "OrderItem" i join "Order" o on o.id = i."orderId" join "Product" p on p.id = i."productId"
  where i.id = $1`;

type Row = Omit<ProvisionItem, "order" | "product"> & {
  o_registrantId: string | null;
  o_currency: string;
  o_createdAt: Date;
  p_code: string;
  p_name: string;
  p_registryOperator: string | null;
  p_dnssec: string;
};

export async function loadItem(itemId: string): Promise<ProvisionItem | null> {
  const { rows } = await sqlPool().query<Row>({ name: "engine_load_item", text: LOAD_ITEM, values: [itemId] });
  const r = rows[0];
  if (!r) return null;
  const { o_registrantId, o_currency, o_createdAt, p_code, p_name, p_registryOperator, p_dnssec, ...item } = r;
  return {
    ...item,
    order: {
      id: item.orderId,
      resellerId: item.resellerId,
      registrantId: o_registrantId,
      currency: o_currency,
      createdAt: o_createdAt,
    },
    product: { code: p_code, name: p_name, registryOperator: p_registryOperator, dnssec: p_dnssec },
  };
}
