/**
 * The `pre_registration` provisioner: a paid pre-order joins the queue for its TLD and waits in
 * `pending_registry` with the money held. It sends nothing itself, even when the TLD is open by the
 * time the payment arrives, so pre-orders reach the registry only through submit-preorders.ts, in
 * the order they were received.
 */
import type { Provisioner } from "@/server/orders/provisioner";

export const provisioner: Provisioner = async ({ item }) => ({
  status: "pending_registry",
  message: `Pre-ordered: goes to the registry when .${item.product.code} opens to everyone.`,
});

export const PREORDER_PROVISIONERS = { pre_registration: provisioner } as const;
