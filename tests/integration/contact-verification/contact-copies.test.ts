import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addDays, platformNow } from "@/server/domains/lifecycle/clock";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { createLifecycleWorld, createStaff, type LifecycleWorld } from "../../support/factories";
import { ALICE, domainWithContact } from "../domains/contacts/contact-world";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["com"] });
});
afterEach(async () => world.close());

/** Two .com domains sharing one registrant contact, as checkout leaves a multi-name order. */
async function sharedContact(verification: { verifiedAt: Date | null; verificationDeadline: Date | null }) {
  const first = await domainWithContact(world, { tld: "com" });
  const second = await domainWithContact(world, { tld: "com" });
  const contactId = first.registrantContactId ?? "";
  await db.contact.update({ where: { id: contactId }, data: verification });
  await db.domain.update({ where: { id: second.id }, data: { registrantContactId: contactId } });
  return { second, contactId };
}

const phoneEdit = async (domainId: string) => {
  const { ctx } = await createStaff(world.reseller.id, "owner");
  await updateDomainContact(ctx, { domainId, role: "registrant", contact: { ...ALICE, phone: "+44.2079460000" } });
  const d = await db.domain.findUniqueOrThrow({ where: { id: domainId } });
  return db.contact.findUniqueOrThrow({ where: { id: d.registrantContactId ?? "" } });
};

describe("verification of a registrant contact copied by an edit", () => {
  it("keeps a verified address verified, with no new mail", async () => {
    const verifiedAt = addDays(platformNow(), -30);
    const { second, contactId } = await sharedContact({ verifiedAt, verificationDeadline: null });
    const copy = await phoneEdit(second.id);
    expect(copy.id).not.toBe(contactId);
    expect(copy.verifiedAt).toEqual(verifiedAt);
    expect(await db.outboxMail.count({ where: { kind: "contact_verification" } })).toBe(0);
  });

  it("keeps the earlier deadline of an unverified address, so an edit buys no time, and mails a link", async () => {
    const deadline = addDays(platformNow(), 3);
    const { second } = await sharedContact({ verifiedAt: null, verificationDeadline: deadline });
    const copy = await phoneEdit(second.id);
    expect(copy.verifiedAt).toBeNull();
    expect(copy.verificationDeadline).toEqual(deadline);
    expect(await db.outboxMail.count({ where: { kind: "contact_verification", toAddress: ALICE.email } })).toBe(1);
  });
});
