import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { purgeEndedSessions, purgeSessionsJob } from "@/server/auth/purge-sessions";
import { allJobs } from "@/server/all-jobs";
import { createReseller, createStaff, startTestSession } from "../../support/factories";

const DAY = 24 * 60 * 60_000;

describe("issue 9: expired session records are purged", () => {
  it("deletes sessions that ended more than 30 days ago and keeps the rest", async () => {
    const acme = await createReseller();
    const { user } = await createStaff(acme.id, "support");
    const claims = { kind: "user", sub: user.id, resellerId: acme.id, sv: 0 } as const;
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const make = async (over: { expiresAt: Date; revokedAt?: Date; createdAt?: Date }) => {
      const { sid } = await startTestSession(claims);
      await db.session.update({ where: { id: sid }, data: over });
      return sid;
    };
    const live = await make({ expiresAt: new Date(now.getTime() + DAY) });
    const expiredLately = await make({ expiresAt: ago(3), createdAt: ago(4) });
    const revokedLately = await make({ expiresAt: new Date(now.getTime() + DAY), revokedAt: ago(10) });
    await make({ expiresAt: ago(31), createdAt: ago(32) });
    await make({ expiresAt: new Date(now.getTime() + DAY), revokedAt: ago(40), createdAt: ago(41) });
    await db.webAuthnChallenge.createMany({
      data: [
        { challenge: "old", purpose: "sign-in", userId: user.id, rpId: "x", origin: "x", expiresAt: ago(1) },
        {
          challenge: "open",
          purpose: "sign-in",
          userId: user.id,
          rpId: "x",
          origin: "x",
          expiresAt: new Date(now.getTime() + 60_000),
        },
      ],
    });

    expect(await purgeEndedSessions(now)).toEqual({ sessions: 2, challenges: 1 });
    const left = (await db.session.findMany({ select: { id: true } })).map((s) => s.id).sort();
    expect(left).toEqual([live, expiredLately, revokedLately].sort());
    expect((await db.webAuthnChallenge.findMany()).map((c) => c.challenge)).toEqual(["open"]);
  });

  it("runs as a scheduled job of the worker", () => {
    expect(allJobs).toContain(purgeSessionsJob);
    expect(purgeSessionsJob.cron).toBeTruthy();
  });
});
