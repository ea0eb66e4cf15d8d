/**
 * Checkout: the registrant's cart becomes one order. Everything is validated first (the contact per
 * the TLDs' rules, nameservers, auth codes for transfers, acceptance of each claims notice, the names
 * still available at the price shown), then money's placeOrder records it under the idempotency key
 * the form generated, so a refresh or a double click returns the same order instead of a second one.
 * Storefront orders are paid by the registrant (checkout); the fulfilment job starts with the payment.
 */
import { z } from "zod";
import { env } from "@/env";
import type { OrderChannel } from "@/generated/prisma/enums";
import { assertTenant, type ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { placeOrder, type OrderItemInput } from "@/server/orders/place-order";
import { getOrderWithItems, type OrderWithItems } from "@/server/orders/get-order";
import { encryptAuthCode } from "@/server/domains/manage/auth-code";
import { enqueueFulfilment } from "@/server/fulfilment/enqueue-fulfilment";
import { tryParseDomainName } from "@/lib/domain-name";
import { cartItemSchema } from "./cart";
import { acceptedNotice } from "./claims-notice";
import type { RegisterDetails, TransferDetails } from "../provisioners/item-details";
import { prepareCheckout, type CheckoutLine } from "./prepare-checkout";
import { registrantContactInput, resolveRegistrantContact } from "@/server/contacts/registrant-contact";

export const placeDomainOrderSchema = z.object({
  idempotencyKey: z.string().min(8).max(100),
  items: z.array(cartItemSchema).min(1).max(20),
  /** null: the store's default nameservers. */
  nameservers: z.array(z.string()).max(13).nullable(),
  ...registrantContactInput,
  authCodes: z.record(z.string(), z.string()).default({}),
  /** name → the noticeId the registrant accepted. */
  claimsAccepted: z.record(z.string(), z.string()).default({}),
});

export type PlaceDomainOrderInput = z.input<typeof placeDomainOrderSchema> & {
  resellerId: string;
  payment?: "checkout" | "balance";
  /** Where the order came from when not the actor's own area (the reseller API says "api"). */
  channel?: OrderChannel;
};

export function defaultNameservers(): string[] {
  return env()
    .DEFAULT_NAMESERVERS.split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function validateNameservers(list: string[]): { nameservers: string[]; error?: string } {
  const cleaned = [...new Set(list.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (cleaned.length < 2) return { nameservers: cleaned, error: "Give at least two nameservers." };
  for (const ns of cleaned) {
    const r = tryParseDomainName(ns);
    if (!r.ok) return { nameservers: cleaned, error: `${ns}: ${r.message}` };
    if (r.name.labels.length < 3)
      return { nameservers: cleaned, error: `${ns} is not a nameserver host name (like ns1.example.net).` };
  }
  return { nameservers: cleaned.map((ns) => tryParseDomainName(ns)).flatMap((r) => (r.ok ? [r.name.ascii] : [])) };
}

function itemsFor(
  lines: CheckoutLine[],
  input: z.output<typeof placeDomainOrderSchema>,
  contactId: string,
  nameservers: string[],
): OrderItemInput[] {
  return lines.flatMap((l): OrderItemInput[] => {
    if (l.kind === "transfer") {
      const details: TransferDetails = {
        unicodeName: l.unicodeName,
        authCodeEnc: encryptAuthCode(input.authCodes[l.name].trim()),
        contactId,
        privacy: l.privacy,
      };
      // Privacy is sold with a transfer as the cart prices it; it settles with the transfer (decision 127).
      return [{ kind: "domain_transfer", productCode: l.tld, subject: l.name, period: 1, details }, ...privacyFor(l)];
    }
    const accepted = l.claims
      ? { noticeId: l.claims.noticeId, notAfter: l.claims.notAfter, acceptedDate: new Date().toISOString() }
      : undefined;
    const details: RegisterDetails = {
      unicodeName: l.unicodeName,
      privacy: l.privacy,
      nameservers,
      contactId,
      claims: accepted,
      premiumFeeUsd: l.premiumFeeUsd,
    };
    const register: OrderItemInput = {
      kind: "domain_register",
      productCode: l.tld,
      subject: l.name,
      period: l.years,
      premiumFeeUsd: l.premiumFeeUsd ?? null,
      details,
    };
    return [register, ...privacyFor(l)];
  });
}

function privacyFor(l: CheckoutLine): OrderItemInput[] {
  if (!l.privacy) return [];
  return [
    { kind: "privacy", productCode: l.tld, subject: l.name, period: l.years, details: { unicodeName: l.unicodeName } },
  ];
}

export async function placeDomainOrder(
  ctx: ActorContext,
  raw: PlaceDomainOrderInput,
): Promise<{ order: OrderWithItems; created: boolean }> {
  assertTenant(ctx, raw.resellerId);
  const input = placeDomainOrderSchema.parse(raw);
  const registrantId = ctx.kind === "registrant" ? ctx.actorId : null;
  const existing = await db.order.findUnique({
    where: { resellerId_idempotencyKey: { resellerId: raw.resellerId, idempotencyKey: input.idempotencyKey } },
    select: { id: true },
  });
  if (existing) return { order: await getOrderWithItems(db, existing.id), created: false };

  const fields: Record<string, string> = {};
  const ns = input.nameservers ? validateNameservers(input.nameservers) : { nameservers: defaultNameservers() };
  if (ns.error) fields.nameservers = ns.error;
  const lines = await prepareCheckout(ctx, { resellerId: raw.resellerId, items: input.items });
  for (const l of lines) {
    if (l.problem) fields[`item:${l.name}`] = l.problem;
    if (l.kind === "transfer" && !(input.authCodes[l.name] ?? "").trim())
      fields[`authCode:${l.name}`] = "Enter the auth code your current registrar gave you.";
    if (l.claims) {
      const accepted = acceptedNotice(l.claims, input.claimsAccepted[l.name]);
      if (accepted) l.claims = accepted;
      else fields[`claims:${l.name}`] = "Read and accept the trademark notice to register this name.";
    }
  }
  if (Object.keys(fields).length)
    throw new AppError("INVALID_INPUT", "Some items need your attention before you can pay.", { fields });
  const contactId = await resolveRegistrantContact(ctx, {
    resellerId: raw.resellerId,
    registrantId,
    contactId: input.contactId,
    contact: input.contact,
  });
  const payment = raw.payment ?? "checkout";
  const result = await placeOrder(ctx, {
    resellerId: raw.resellerId,
    registrantId,
    idempotencyKey: input.idempotencyKey,
    channel: raw.channel ?? (ctx.kind === "registrant" ? "storefront" : "console"),
    payment,
    items: itemsFor(lines, input, contactId, ns.nameservers),
  });
  // Balance-paid orders are paid on placement: start fulfilment now (placeOrder has no hook for it).
  if (result.created && payment === "balance") await db.$transaction((tx) => enqueueFulfilment(tx, result.order.items));
  return result;
}
