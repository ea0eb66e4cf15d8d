import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { processPollMessages } from "@/server/domains/lifecycle-events/process-poll-messages";
import { respondTransferOut } from "@/server/domains/manage/respond-transfer-out";
import { revealAuthCode } from "@/server/domains/manage/reveal-auth-code";
import {
  createLifecycleWorld,
  createManagedDomain,
  createRegistrant,
  type LifecycleWorld,
} from "../../../support/factories";

let world: LifecycleWorld;
beforeEach(async () => {
  world = await createLifecycleWorld();
});
afterEach(async () => world.close());

/** A name past its 60-day creation lock, owned by a registrant, asked for by the mock's `rival` registrar. */
async function requestedByRival() {
  const { registrant, ctx } = await createRegistrant(world.reseller.id);
  const d = await createManagedDomain(world, { resellerId: world.reseller.id, registrantId: registrant.id });
  world.admin.advanceClock({ days: 61 });
  const { authCode } = await revealAuthCode(ctx, { domainId: d.id });
  await world.rival.transferDomain({ op: "request", name: d.name, authInfo: authCode });
  const report = await processPollMessages();
  return { d, ctx, registrant, report };
}

describe("transfers out", () => {
  it("marks a name pending transfer out with the registry's deadline and tells the registrant", async () => {
    const { d, registrant } = await requestedByRival();
    const after = await db.domain.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.state).toBe("pending_transfer_out");
    expect(after.pendingTransferDeadline?.getTime()).toBe(world.admin.now().getTime() + 5 * 86_400_000);
    expect(
      await db.outboxMail.count({ where: { toAddress: registrant.email, kind: "domain.transfer_out.requested" } }),
    ).toBe(1);
  });

  it("lets the registrant approve, after which the rival sponsors the name", async () => {
    const { d, ctx } = await requestedByRival();
    const out = await respondTransferOut(ctx, { domainId: d.id, decision: "approve" });
    expect(out.code).toBe(1000);
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("transferred_away");
    expect((await world.rival.infoDomain({ name: d.name })).data.sponsor).toBe("rival");
  });

  it("lets the registrant reject with a policy reason, and the name stays ours", async () => {
    const { d, ctx } = await requestedByRival();
    await expect(respondTransferOut(ctx, { domainId: d.id, decision: "reject" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await respondTransferOut(ctx, { domainId: d.id, decision: "reject", reason: "objection" });
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("active");
    expect((await world.platform.infoDomain({ name: d.name })).data.sponsor).toBe("platform");
    const answer = await db.domainOperation.findFirstOrThrow({
      where: { domainId: d.id, operation: "transferDomain" },
    });
    expect(answer).toMatchObject({ code: 1000, detail: { op: "reject", name: d.name, reason: "objection" } });
  });

  it("marks the name transferred away when the registry auto-approves after five days", async () => {
    const { d } = await requestedByRival();
    world.admin.advanceClock({ days: 5, hours: 1 });
    const report = await processPollMessages();
    expect(report.outcomes).toContain(`${d.name}: transferred away (serverApproved)`);
    expect((await db.domain.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("transferred_away");
  });

  it("applies each poll message once even when the same message is read again", async () => {
    const { report } = await requestedByRival();
    expect(report.applied).toBe(1);
    expect(await db.pollMessageLog.count()).toBe(1);
    expect((await processPollMessages()).read).toBe(0);
  });
});
