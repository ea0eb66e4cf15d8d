/**
 * When every item of a storefront order has ended, the registrant gets one mail in the reseller's
 * name saying what happened to each item, with links to each domain's page and to "Your domains" on
 * the storefront they bought from. The OrderNotice row makes it once, whatever the races.
 */
import { db, sqlPool } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { queueMail } from "@/server/mail/send-mail";
import { toUnicodeName } from "@/lib/domain-name";
import { formatMoney } from "@/lib/money";
import { shortOrderNumber } from "@/lib/order-number";
import { baseUrlOf } from "@/server/auth/links";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { AppError } from "@/server/errors";
import { reportOrderFinished } from "@/server/webhooks/outbox/report-order-finished";

const ENDED = new Set(["completed", "refunded", "failed"]);

/** Items whose subject is a domain name the registrant then holds, so the mail can link to its page. */
const DOMAIN_KINDS = new Set(["domain_register", "domain_renew", "domain_transfer", "domain_restore", "privacy"]);

const WORDS: Record<string, string> = {
  completed: "done",
  refunded: "could not be completed — refunded",
  failed: "could not be completed",
};

type FinishedOrder = Parameters<typeof reportOrderFinished>[0] & { registrantId: string | null };

// Every settled item passes here: the order and its items in one statement on the raw pool (decision 102),
// with the order events the reseller's webhooks take, so a finished order costs no second read (decision 111).
const ORDER_WITH_ITEMS = `
  select o.id, o."resellerId", o."registrantId", o.channel::text, o.currency, o."retailTotal",
    array(select distinct t from "WebhookEndpoint" e, unnest(e."eventTypes") t
      where e."resellerId" = o."resellerId" and e.enabled and t in ('order.completed', 'order.failed')) as listening,
    coalesce((select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'subject', i.subject,
      'period', i.period, 'state', i.state, 'failureReason', i."failureReason", 'retailAmount', i."retailAmount")
      order by i."createdAt", i.id)
      from "OrderItem" i where i."orderId" = o.id), '[]'::json) as items
  from "Order" o where o.id = $1`;

export async function notifyIfOrderFinished(orderId: string): Promise<boolean> {
  const order = (
    await sqlPool().query<FinishedOrder>({ name: "order_with_items", text: ORDER_WITH_ITEMS, values: [orderId] })
  ).rows[0];
  if (!order) throw new AppError("NOT_FOUND");
  if (!order.items.every((i) => ENDED.has(i.state))) return false;
  await reportOrderFinished(order);
  if (!order.registrantId) return false;
  const registrantId = order.registrantId;
  const [registrant, reseller, host, domains] = await Promise.all([
    db.registrant.findUnique({ where: { id: registrantId }, select: { email: true, name: true } }),
    db.reseller.findUniqueOrThrow({
      where: { id: order.resellerId },
      select: { displayName: true, branding: { select: { supportEmail: true } } },
    }),
    storefrontHostOf(order.resellerId),
    // Only this registrant's own names at this reseller get a link: the page would refuse any other.
    db.domain.findMany({
      where: {
        resellerId: order.resellerId,
        registrantId,
        name: { in: order.items.filter((i) => DOMAIN_KINDS.has(i.kind)).map((i) => i.subject.toLowerCase()) },
      },
      select: { id: true, name: true },
    }),
  ]);
  if (!registrant) return false;
  const base = baseUrlOf(host);
  const domainIds = new Map(domains.map((d) => [d.name, d.id]));
  const ok = order.items.filter((i) => i.state === "completed").length;
  const lines = order.items.flatMap((i) => {
    const what = `${i.kind === "privacy" ? "Privacy for " : i.kind === "domain_transfer" ? "Transfer of " : ""}${toUnicodeName(i.subject)}`;
    const why = i.state !== "completed" && i.failureReason ? ` (${i.failureReason})` : "";
    const id = i.state === "completed" && DOMAIN_KINDS.has(i.kind) ? domainIds.get(i.subject.toLowerCase()) : undefined;
    return [`- ${what}: ${WORDS[i.state]}${why}`, ...(id ? [`  ${base}/account/domains/${id}`] : [])];
  });
  const refunded = order.items.filter((i) => i.state === "refunded").reduce((s, i) => s + i.retailAmount, 0);
  const text = [
    `Hello ${registrant.name},`,
    "",
    `Your order ${shortOrderNumber(order.id)} at ${reseller.displayName} has finished.`,
    "",
    ...lines,
    ...(refunded > 0
      ? ["", `We refunded ${formatMoney(refunded, order.currency)} for what could not be completed.`]
      : []),
    "",
    `Your domains: ${base}/account/domains`,
    "",
    `Questions? Write to ${reseller.branding?.supportEmail ?? "our support team"}.`,
    "",
    reseller.displayName,
  ].join("\n");
  try {
    return await db.$transaction(async (tx) => {
      await tx.orderNotice.create({ data: { orderId, kind: "order.finished" } });
      await queueMail(tx, {
        to: registrant.email,
        subject:
          ok === order.items.length
            ? `Your order at ${reseller.displayName} is complete`
            : `Your order at ${reseller.displayName} has finished`,
        text,
        kind: "order.finished",
        resellerId: order.resellerId,
        from: undefined,
      });
      return true;
    });
  } catch (e) {
    // Another runner sent it first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return false;
    throw e;
  }
}
