// A domain's history speaks one vocabulary, the registry port's operation names, whoever sent the
// command (a console action, a recording port handed to fulfilment, or a row written before decision
// 076 and renamed by its migration); the history page turns each into words (decision 076).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { systemContext, type ActorContext } from "@/server/context";
import * as consoleContacts from "@/app/(console)/console/domains/[id]/_components/contacts-actions";
import * as consoleDomains from "@/app/(console)/console/domains/actions";
import { processPollMessages } from "@/server/domains/lifecycle-events/process-poll-messages";
import { decryptAuthCode } from "@/server/domains/manage/auth-code";
import { describeOperation } from "@/server/domains/manage/registry-words";
import { getRegistry, recordingRouter } from "@/server/registry/access";
import {
  createLifecycleWorld,
  createManagedDomain,
  createStaff,
  type LifecycleWorld,
} from "../../../support/factories";
import { ALICE, domainWithContact } from "../contacts/contact-world";

// The console actions re-render their page after a change; there is no page here.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld({ tlds: ["com", "io"] });
});
afterEach(async () => world.close());

/** The port's methods, read off a real port rather than listed again here. */
function portNames(): Set<string> {
  return new Set(Object.keys(world.platform).filter((k) => k !== "close"));
}

type Runnable = { run: (ctx: ActorContext, input: Record<string, unknown>) => Promise<{ ok: boolean }> };

async function act(ctx: ActorContext, action: Runnable, input: Record<string, unknown>) {
  const out = await action.run(ctx, input);
  expect(out, JSON.stringify(out)).toMatchObject({ ok: true });
}

async function history(where: { domainId?: string; domainName?: string }) {
  return db.domainOperation.findMany({ where, orderBy: { id: "asc" } });
}

describe("operation names in the domain history", () => {
  it("records every console action's commands under the port's names, each shown in words", async () => {
    const ctx = (await createStaff(world.reseller.id, "owner")).ctx;
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    await act(ctx, consoleDomains.lockAction, { domainId: d.id, value: "on" });
    await act(ctx, consoleDomains.lockAction, { domainId: d.id, value: "off" });
    await act(ctx, consoleDomains.nameserversAction, {
      domainId: d.id,
      nameservers: `ns1.${d.name} 192.0.2.1\nns.dns-provider.dev`,
    });
    await act(ctx, consoleDomains.nameserversAction, {
      domainId: d.id,
      nameservers: `ns1.${d.name} 192.0.2.2\nns.dns-provider.dev`,
    });
    await act(ctx, consoleDomains.dsAction, { domainId: d.id, records: `12345 13 2 ${"a".repeat(64)}` });
    await act(ctx, consoleDomains.resetAuthAction, { domainId: d.id });
    await act(ctx, consoleDomains.renewDomainAction, { domainId: d.id, years: 1, idempotencyKey: `names-${d.id}` });
    await act(ctx, consoleDomains.deleteDomainAction, { domainId: d.id, confirmName: d.name });

    const withContact = await domainWithContact(world, { tld: "io" });
    await act(ctx, consoleContacts.updateContactAction, {
      domainId: withContact.id,
      role: "tech",
      ...ALICE,
      name: "Tess Tech",
      email: "tess@example.test",
    });

    // A rival asks for a third name; the console rejects the transfer.
    const asked = await createManagedDomain(world, { resellerId: world.reseller.id });
    world.admin.advanceClock({ days: 61 });
    const authInfo = decryptAuthCode(asked.authInfoEnc ?? "") ?? "";
    await world.rival.transferDomain({ op: "request", name: asked.name, authInfo });
    await processPollMessages();
    await act(ctx, consoleDomains.transferAnswerAction, {
      domainId: asked.id,
      decision: "reject",
      reason: "objection",
    });

    const rows = [
      ...(await history({ domainId: d.id })),
      ...(await history({ domainId: withContact.id })),
      ...(await history({ domainId: asked.id })),
    ];
    const names = portNames();
    expect(rows.filter((r) => !names.has(r.operation)).map((r) => r.operation)).toEqual([]);
    expect(new Set(rows.map((r) => r.operation))).toEqual(
      new Set([
        "updateDomain",
        "createHost",
        "updateHost",
        "infoDomain",
        "renewDomain",
        "deleteHost",
        "deleteDomain",
        "createContact",
        "transferDomain",
      ]),
    );
    for (const r of rows) expect(describeOperation(r.operation, r.detail)).not.toBe(r.operation);
    const words = rows.map((r) => describeOperation(r.operation, r.detail));
    expect(words).toEqual(
      expect.arrayContaining([
        "Change domain: transfer lock on",
        "Change domain: transfer lock off",
        "Change domain: name servers",
        "Change domain: DNSSEC",
        "Change domain: auth code",
        "Change domain: contacts",
        "Change name server addresses",
        "Reject transfer",
      ]),
    );
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toMatch(/"authInfo":"(?!\*\*\*)/);
  });

  it("records a recording port's commands, answers and refusals, under the port's names", async () => {
    const name = "recorded-port.com";
    const registry = recordingRouter(await getRegistry(), {
      resellerId: world.reseller.id,
      actor: systemContext(world.reseller.id),
      domainName: name,
    });
    const port = registry.forDomain(name);
    await registry.checkDomains([name]);
    await port.createHost({ name: "ns.dns-provider.dev" });
    await port.createDomain({ name, years: 1, authInfo: "Secret-auth-1", nameservers: ["ns.dns-provider.dev"] });
    await port.infoDomain({ name });
    await port.updateDomain({ name, add: { statuses: ["clientTransferProhibited"] } });
    await port.transferDomain({ op: "query", name }).catch(() => undefined);
    await expect(port.infoDomain({ name: "not-there.com" })).rejects.toMatchObject({ code: 2303 });
    await port.deleteDomain({ name });

    const rows = [...(await history({ domainName: name })), ...(await history({ domainName: "not-there.com" }))];
    const names = portNames();
    expect(rows.filter((r) => !names.has(r.operation)).map((r) => r.operation)).toEqual([]);
    expect(rows.map((r) => r.operation)).toEqual([
      "createHost",
      "createDomain",
      "infoDomain",
      "updateDomain",
      "transferDomain",
      "deleteDomain",
      "infoDomain",
    ]);
    expect(rows.at(-1)).toMatchObject({ domainName: "not-there.com", code: 2303 });
    expect(rows.every((r) => r.svTRID)).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.detail))).toContain('"authInfo":"***"');
    for (const r of rows) expect(describeOperation(r.operation, r.detail)).not.toBe(r.operation);
  });

  it("renames the words written before decision 076 to the port's names, keeping what they said", async () => {
    const d = await createManagedDomain(world, { resellerId: world.reseller.id });
    const legacy: [string, object | null, string][] = [
      ["lock", { add: { statuses: ["clientTransferProhibited"] } }, "Change domain: transfer lock on"],
      ["unlock", { remove: { statuses: ["clientTransferProhibited"] } }, "Change domain: transfer lock off"],
      ["update nameservers", { add: ["ns1.example.net"], remove: [] }, "Change domain: name servers"],
      ["update nameservers", null, "Change domain: name servers"],
      ["update DS records", { add: 1, remove: 0 }, "Change domain: DNSSEC"],
      ["reset auth code", null, "Change domain: auth code"],
      ["transfer approve", { reason: null }, "Approve transfer"],
      ["transfer reject", { reason: "objection" }, "Reject transfer"],
      ["transfer query", null, "Check transfer status"],
      ["delete", null, "Delete domain"],
      ["delete (grace ended)", null, "Delete domain"],
      ["info", null, "Look up domain at the registry"],
      ["delete host", { host: "ns1.x.com" }, "Delete name server"],
      ["check host", { host: "ns1.x.com" }, "Check name server"],
      ["create host", { host: "ns1.x.com", addresses: [] }, "Create name server"],
      ["update host", { host: "ns1.x.com", add: ["192.0.2.1"], remove: [] }, "Change name server addresses"],
      ["updateDomain", { registrant: "h1", add: [], remove: [] }, "Change domain: contacts"],
      ["createContact", { handle: "h1" }, "Create contact"],
    ];
    for (const [operation, detail] of legacy)
      await db.domainOperation.create({
        data: {
          resellerId: d.resellerId,
          domainId: d.id,
          domainName: d.name,
          operation,
          code: 1000,
          message: "Command completed successfully",
          actorType: "system",
          ...(detail ? { detail } : {}),
        },
      });
    for (const message of ["Drift repaired: expiry a -> b", "Drift found: status a -> b"])
      await db.domainOperation.create({
        data: {
          resellerId: d.resellerId,
          domainId: d.id,
          domainName: d.name,
          operation: "reconcile",
          code: 1000,
          message,
          actorType: "system",
        },
      });

    const dir = path.resolve("prisma/migrations");
    const [migration] = readdirSync(dir).filter((n) => n.endsWith("_domain_operation_port_names"));
    const sql = readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
    // As the migration runner does: one statement per `;`.
    for (const statement of sql.split(";").map((s) => s.replace(/^\s*--.*$/gm, "").trim()))
      if (statement) await db.$executeRawUnsafe(statement);

    const rows = await history({ domainId: d.id });
    const names = portNames();
    expect(rows.filter((r) => !names.has(r.operation)).map((r) => r.operation)).toEqual([]);
    expect(rows.map((r) => describeOperation(r.operation, r.detail))).toEqual([
      ...legacy.map(([, , words]) => words),
      "Nightly check: our records corrected",
      "Nightly check: differences found",
    ]);
    expect(rows.find((r) => r.operation === "createContact")?.detail).toEqual({ id: "h1" });
  });
});
