/**
 * Customers' launch applications for the consoles (sunrise, landrush and pre-registrations): the
 * name, the customer, where the item stands in the engine, what the registry last said, and the
 * amount charged or held. One reseller's, or every reseller's for registrar staff; keyset pages over
 * (createdAt, id), newest first.
 */
import { z } from "zod";
import type { OrderItemKind, OrderItemState } from "@/generated/prisma/enums";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { parseInput } from "@/server/parse-input";
import { landrushDetailsSchema } from "../landrush/landrush-details";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/server/launch/shared/application-statuses";
import { afterCursor, encodeCursor, launchViewScope } from "./view-scope";

const LAUNCH_KINDS = [
  "sunrise_application",
  "landrush_application",
  "pre_registration",
] as const satisfies OrderItemKind[];

const SETTLED: readonly OrderItemState[] = ["completed", "failed", "refunding", "refunded"];

export const listLaunchApplicationsSchema = z.object({
  resellerId: z.string().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

// Both kinds write the registry's word under the same key; the rest of their details differ.
const registryWordSchema = z.object({ applicationStatus: z.enum(APPLICATION_STATUSES).optional() });

export type LaunchApplicationRow = {
  id: string;
  orderId: string;
  resellerId: string;
  resellerName: string;
  customerEmail: string | null;
  kind: (typeof LAUNCH_KINDS)[number];
  name: string;
  state: OrderItemState;
  applicationStatus: ApplicationStatus | null;
  /** Retail, in the order's currency: the maximum held for an open landrush bid, what was charged otherwise. */
  amount: number;
  currency: string;
  /** A landrush bid not yet settled at the auction's clearing price. */
  isMaximum: boolean;
  createdAt: Date;
};

export async function listLaunchApplications(
  ctx: ActorContext,
  raw: z.input<typeof listLaunchApplicationsSchema> = {},
): Promise<{ rows: LaunchApplicationRow[]; next: string | null }> {
  const input = parseInput(listLaunchApplicationsSchema, raw);
  const items = await db.orderItem.findMany({
    where: {
      ...(await launchViewScope(ctx, input.resellerId)),
      kind: { in: [...LAUNCH_KINDS] },
      ...afterCursor(input.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      orderId: true,
      resellerId: true,
      kind: true,
      subject: true,
      state: true,
      retailAmount: true,
      details: true,
      createdAt: true,
      order: { select: { currency: true, registrantId: true } },
    },
  });
  const page = items.slice(0, input.limit);
  const registrantIds = [...new Set(page.flatMap((i) => (i.order.registrantId ? [i.order.registrantId] : [])))];
  const [registrants, resellers] = await Promise.all([
    db.registrant.findMany({ where: { id: { in: registrantIds } }, select: { id: true, email: true } }),
    db.reseller.findMany({
      where: { id: { in: [...new Set(page.map((i) => i.resellerId))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  const emails = new Map(registrants.map((r) => [r.id, r.email]));
  const names = new Map(resellers.map((r) => [r.id, r.displayName]));
  const last = page.at(-1);
  return {
    rows: page.map((i): LaunchApplicationRow => {
      const word = registryWordSchema.safeParse(i.details);
      const landrush = i.kind === "landrush_application" ? landrushDetailsSchema.safeParse(i.details) : null;
      return {
        id: i.id,
        orderId: i.orderId,
        resellerId: i.resellerId,
        resellerName: names.get(i.resellerId) ?? "",
        customerEmail: i.order.registrantId ? (emails.get(i.order.registrantId) ?? null) : null,
        kind: i.kind as LaunchApplicationRow["kind"],
        name: i.subject,
        state: i.state,
        applicationStatus: word.success ? (word.data.applicationStatus ?? null) : null,
        amount: i.retailAmount,
        currency: i.order.currency,
        isMaximum: Boolean(
          landrush?.success && landrush.data.clearingPriceUsd === undefined && !SETTLED.includes(i.state),
        ),
        createdAt: i.createdAt,
      };
    }),
    next: items.length > input.limit && last ? encodeCursor(last) : null,
  };
}
