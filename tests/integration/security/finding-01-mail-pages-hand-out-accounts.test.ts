import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { requestPasswordReset } from "@/server/auth/request-password-reset";
import { createInvitation } from "@/server/auth/create-invitation";
import { updateDomainContact } from "@/server/domains/manage/contacts/update-domain-contact";
import { deliverOutbox, fileDropSender, type MailMessage } from "@/server/mail/deliver-outbox";
import { dropExpiredMailSecrets } from "@/server/mail/drop-expired-mail-secrets";
import { REDACTED_LINK } from "@/server/mail/redact-secrets";
import { listOutboxMail } from "@/server/tenancy/list-outbox-mail";
import { createLifecycleWorld, createRegistrarStaff, createStaff, type LifecycleWorld } from "../../support/factories";
import { ALICE, domainWithContact } from "../domains/contacts/contact-world";

// Any link to a page that acts for its holder, with its token.
const SECRET_LINK = /\/(reset-password|invitation|registrant-change)\/[\w-]{8,}/;

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["io"] });
});
afterEach(async () => world.close());

/** The registrar console's mail page data for `ctx`, as JSON: everything a page could render. */
const pageData = async (ctx: Parameters<typeof listOutboxMail>[0], resellerId: string | null = null) =>
  JSON.stringify(await listOutboxMail(ctx, { resellerId, pageSize: 100 }));

describe("security finding 01: mail pages hand out accounts", () => {
  it("a registrar auditor who asks a reset for the admin finds no link on the mail page, only who was written to", async () => {
    const admin = await createRegistrarStaff("registrar_admin", { email: "boss@registrar.test" });
    const auditor = await createRegistrarStaff("registrar_auditor");
    await requestPasswordReset({ kind: "user" }, "boss@registrar.test");

    const seen = await listOutboxMail(auditor.ctx, { resellerId: null });
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({
      toAddress: "boss@registrar.test",
      subject: "Reset your password",
      textBody: null,
    });
    expect(await pageData(auditor.ctx)).not.toMatch(SECRET_LINK);
    // Administrators read other people's mail, never its secret links.
    const adminView = await listOutboxMail(admin.ctx, { resellerId: null });
    expect(adminView.items[0].textBody).toContain(REDACTED_LINK);
    expect(await pageData(admin.ctx)).not.toMatch(SECRET_LINK);
  });

  it("reseller support staff cannot read a pending owner invitation's link or body", async () => {
    const owner = await createStaff(world.reseller.id, "owner");
    const support = await createStaff(world.reseller.id, "support");
    await createInvitation(owner.ctx, {
      email: "second-owner@acme.test",
      role: "owner",
      resellerId: world.reseller.id,
    });

    const seen = await listOutboxMail(support.ctx, { resellerId: world.reseller.id });
    expect(seen.items.map((m) => [m.toAddress, m.kind, m.textBody])).toEqual([
      ["second-owner@acme.test", "invitation", null],
    ]);
    expect(await pageData(support.ctx, world.reseller.id)).not.toMatch(SECRET_LINK);
    expect(await pageData(owner.ctx, world.reseller.id)).not.toMatch(SECRET_LINK);
  });

  it("staff read the body of mail addressed to themselves, without its links", async () => {
    const owner = await createStaff(world.reseller.id, "owner", { email: "owner@acme.test" });
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(owner.ctx, {
      domainId: d.id,
      role: "registrant",
      contact: { ...ALICE, name: "Bob Buyer", email: "owner@acme.test" },
    });
    const listed = await listOutboxMail(owner.ctx, { resellerId: world.reseller.id });
    const mine = listed.items.find((m) => m.toAddress === "owner@acme.test");
    const theirs = listed.items.find((m) => m.toAddress === ALICE.email);
    expect(mine?.textBody).toContain(REDACTED_LINK);
    expect(theirs?.textBody).toBeNull();
    expect(JSON.stringify(listed)).not.toMatch(SECRET_LINK);
  });

  it("change-of-registrant links reach the registrants' mailboxes and nobody's page", async () => {
    const admin = await createRegistrarStaff("registrar_admin");
    const owner = await createStaff(world.reseller.id, "owner");
    const d = await domainWithContact(world, { tld: "io" });
    await updateDomainContact(owner.ctx, {
      domainId: d.id,
      role: "registrant",
      contact: { ...ALICE, name: "Bob Buyer", email: "bob@example.test" },
    });

    expect(await pageData(owner.ctx, world.reseller.id)).not.toMatch(SECRET_LINK);
    expect(await pageData(admin.ctx)).not.toMatch(SECRET_LINK);
    const delivered: MailMessage[] = [];
    expect(await deliverOutbox(db, { send: async (_id, m) => void delivered.push(m) })).toEqual({ sent: 2, failed: 0 });
    expect(delivered.map((m) => m.to).sort()).toEqual([ALICE.email, "bob@example.test"]);
    for (const m of delivered) expect(m.text).toMatch(/\/registrant-change\/[0-9a-f-]{36}\?t=[\w-]+/);
  });

  it("drops the deliverable copy once the mail server has taken it", async () => {
    await createRegistrarStaff("registrar_admin", { email: "boss@registrar.test" });
    await requestPasswordReset({ kind: "user" }, "boss@registrar.test");
    const dir = await mkdtemp(path.join(os.tmpdir(), "mail-drop-"));
    try {
      expect(await deliverOutbox(db, { send: fileDropSender(dir) })).toEqual({ sent: 1, failed: 0 });
      const [file] = await readdir(dir);
      // Quoted-printable soft line breaks (=\n) undone, as a mail client would.
      const eml = (await readFile(path.join(dir, file), "utf8")).replace(/=\r?\n/g, "");
      expect(eml).toMatch(/^To: boss@registrar\.test\r?$/m);
      expect(eml).toMatch(/\/reset-password\/[\w-]{20,}/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const row = await db.outboxMail.findFirstOrThrow();
    expect(row).toMatchObject({ secretText: null, secretHtml: null, secretsUntil: null });
    expect(row.sentAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toMatch(SECRET_LINK);
  });

  it("gives up an undelivered mail whose link has expired instead of keeping the link", async () => {
    await createRegistrarStaff("registrar_admin", { email: "boss@registrar.test" });
    await requestPasswordReset({ kind: "user" }, "boss@registrar.test");
    const held = await db.outboxMail.findFirstOrThrow();
    expect(held.secretsUntil!.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    expect(await dropExpiredMailSecrets(db, new Date(Date.now() + 61 * 60_000))).toBe(1);
    const row = await db.outboxMail.findFirstOrThrow();
    expect(row).toMatchObject({ secretText: null, sentAt: null, lastError: "Not delivered before its link expired." });
    const delivered: MailMessage[] = [];
    expect(await deliverOutbox(db, { send: async (_id, m) => void delivered.push(m) })).toEqual({ sent: 0, failed: 0 });
    expect(delivered).toEqual([]);
  });
});
