/**
 * ERRP renewal notices: about 30 and 7 days before expiry and within 5 days after, each at most once
 * per domain and expiry date (a unique key, so two sweeps cannot both send). The mail carries the
 * reseller's name and support address, says what happens next for this domain, and links a
 * registrant with an account to the domain's page on the reseller's storefront.
 */
import { db } from "@/server/db";
import { queueMail } from "@/server/mail/send-mail";
import { baseUrlOf } from "@/server/auth/links";
import { storefrontHostOf } from "@/server/tenancy/storefront-host";
import { emitWebhookEvent } from "@/server/webhooks/outbox/emit-webhook-event";
import type { RenewalNoticeKind } from "@/generated/prisma/enums";
import { LIFECYCLE } from "../lifecycle/policy";
import { addDays } from "../lifecycle/clock";

type Candidate = {
  id: string;
  resellerId: string;
  name: string;
  unicodeName: string;
  expiresAt: Date;
  autoRenew: boolean;
  registrantId: string | null;
  email: string | null;
  brand: string;
  support: string | null;
};

const N = LIFECYCLE.notices;

function windowFor(kind: RenewalNoticeKind, now: Date): { states: string[]; from: Date; to: Date } {
  if (kind === "before_30_days")
    return { states: ["active"], from: addDays(now, N.before30.to), to: addDays(now, N.before30.from) };
  if (kind === "before_7_days") return { states: ["active"], from: now, to: addDays(now, N.before7.from) };
  return { states: ["expired"], from: addDays(now, -N.afterDays), to: now };
}

async function candidates(kind: RenewalNoticeKind, now: Date, limit: number): Promise<Candidate[]> {
  const w = windowFor(kind, now);
  return db.$queryRaw<Candidate[]>`
    select d.id, d."resellerId", d.name, d."unicodeName", d."expiresAt", d."autoRenew", d."registrantId",
           coalesce(r.email, c.email) as email, rs."displayName" as brand, b."supportEmail" as support
    from "Domain" d
    join "Reseller" rs on rs.id = d."resellerId"
    left join "ResellerBranding" b on b."resellerId" = d."resellerId"
    left join "Registrant" r on r.id = d."registrantId"
    left join "Contact" c on c.id = d."registrantContactId"
    where d.state::text = any(${w.states}::text[]) and d."expiresAt" > ${w.from} and d."expiresAt" <= ${w.to}
      and not exists (select 1 from "RenewalNotice" n where n."domainId" = d.id and n.kind = ${kind}::"RenewalNoticeKind" and n."expiresAt" = d."expiresAt")
    order by d."expiresAt", d.id
    limit ${limit}`;
}

function text(kind: RenewalNoticeKind, d: Candidate, base: string): { subject: string; body: string } {
  const date = d.expiresAt.toISOString().slice(0, 10);
  const ask = d.support ? `Questions? Write to ${d.support}.` : "Questions? Reply to this message.";
  // Without an account (a contact address only) the pages would ask for a sign-in that cannot succeed.
  const contact = d.registrantId
    ? `This domain: ${base}/account/domains/${d.id}\nYour domains: ${base}/account/domains\n\n${ask}`
    : ask;
  if (kind === "after_expiry") {
    return {
      subject: `${d.unicodeName} has expired – renew it now (${d.brand})`,
      body: `Your domain ${d.unicodeName} expired on ${date}. Its website and email may stop working.\n\nYou can still renew it from your account at ${d.brand} for a limited time. After that it enters a redemption period, when restoring it costs an extra restore fee, and then it is released for anyone to register.\n\n${contact}\n\n${d.brand}`,
    };
  }
  const days = kind === "before_30_days" ? "about a month" : "about a week";
  const next = d.autoRenew
    ? "Auto-renew is on: we will renew it for one year shortly before that date. Make sure your payment details are up to date."
    : "Auto-renew is off: renew it from your account before that date to keep it.";
  return {
    subject: `${d.unicodeName} expires on ${date} (${d.brand})`,
    body: `Your domain ${d.unicodeName} expires on ${date}, in ${days}.\n\n${next}\n\n${contact}\n\n${d.brand}`,
  };
}

export async function sendRenewalNotices(kind: RenewalNoticeKind, now: Date, limit = 5_000): Promise<number> {
  let sent = 0;
  const bases = new Map<string, string>();
  for (const d of await candidates(kind, now, limit)) {
    if (!bases.has(d.resellerId)) bases.set(d.resellerId, baseUrlOf(await storefrontHostOf(d.resellerId)));
    await db.$transaction(async (tx) => {
      const created = await tx.renewalNotice.createMany({
        data: [{ domainId: d.id, resellerId: d.resellerId, kind, expiresAt: d.expiresAt }],
        skipDuplicates: true,
      });
      if (created.count === 0) return;
      if (kind !== "after_expiry")
        await emitWebhookEvent(tx, {
          resellerId: d.resellerId,
          type: "domain.expiring",
          data: { domain: d.name, expiresAt: d.expiresAt.toISOString(), autoRenew: d.autoRenew, notice: kind },
        });
      if (!d.email) return;
      const { subject, body } = text(kind, d, bases.get(d.resellerId) ?? "");
      const mailId = await queueMail(tx, {
        to: d.email,
        subject,
        text: body,
        kind: `errp.${kind}`,
        resellerId: d.resellerId,
      });
      await tx.renewalNotice.update({
        where: { domainId_kind_expiresAt: { domainId: d.id, kind, expiresAt: d.expiresAt } },
        data: { mailId },
      });
      sent += 1;
    });
  }
  return sent;
}
