// Contact verification links and resends stay within their reseller, and a registrant's within theirs.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { startContactVerification } from "@/server/contact-verification/start/start-verification";
import { resendVerificationLink } from "@/server/contact-verification/resend-verification";
import { confirmEmailVerification, viewVerificationLink } from "@/server/contact-verification/verify-email";
import { createRegistrant } from "../../../support/factories";
import { receivedText } from "../../../support/received-mail";
import { isolationCase, type TwoTenants } from "../harness";

const CONTACT = {
  name: "Vera Verify",
  organization: "",
  phone: "+44.2071234567",
  street1: "1 High Street",
  street2: "",
  city: "London",
  state: "",
  postalCode: "SW1A 1AA",
  countryCode: "GB",
};

/** A domain of `resellerId` whose registrant contact is not verified (no link sent yet). */
async function unverifiedDomain(resellerId: string, registrantId: string | null = null) {
  const email = `vera-${randomUUID().slice(0, 8)}@example.test`;
  const c = await db.contact.create({ data: { resellerId, registrantId, ...CONTACT, email } });
  const name = `v-${randomUUID().slice(0, 8)}.com`;
  const d = await db.domain.create({
    data: { resellerId, registrantId, name, unicodeName: name, tld: "com", state: "active", registrantContactId: c.id },
  });
  return { d, c };
}

async function mailedToken(b: TwoTenants["b"]) {
  const { c } = await unverifiedDomain(b.reseller.id);
  await startContactVerification(c.id);
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: c.email, kind: "contact_verification" } });
  const [, token] = /verify-email\/([\w-]+)/.exec(receivedText(mail)) ?? [];
  return { c, token };
}

export const cases = [
  isolationCase({
    name: "reseller A's owner cannot send a verification link for reseller B's domain",
    setup: ({ b }: TwoTenants) => unverifiedDomain(b.reseller.id),
    attack: ({ a }, s) => resendVerificationLink(a.owner.ctx, { domainId: s.d.id }),
    control: ({ b }, s) => resendVerificationLink(b.owner.ctx, { domainId: s.d.id }),
  }),
  isolationCase({
    name: "registrant X cannot send a verification link for registrant Y's domain at the same reseller",
    setup: async ({ b }: TwoTenants) => {
      const y = await createRegistrant(b.reseller.id);
      return { ...(await unverifiedDomain(b.reseller.id, y.registrant.id)), y };
    },
    attack: ({ b }, s) => resendVerificationLink(b.customer.ctx, { domainId: s.d.id }),
    control: (_t, s) => resendVerificationLink(s.y.ctx, { domainId: s.d.id }),
  }),
  isolationCase({
    name: "reseller A's storefront cannot show or confirm a verification link of reseller B",
    setup: ({ b }: TwoTenants) => mailedToken(b),
    attack: async ({ a }, s) => {
      if ((await viewVerificationLink(a.reseller.id, s.token)).state !== "unknown") throw new Error("A saw B's link");
      return confirmEmailVerification(a.reseller.id, s.token);
    },
    control: ({ b }, s) => confirmEmailVerification(b.reseller.id, s.token),
    unchanged: async (_t, s) => {
      if ((await db.contact.findUniqueOrThrow({ where: { id: s.c.id } })).verifiedAt)
        throw new Error("B's contact verified");
    },
  }),
];
