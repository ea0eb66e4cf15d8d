import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ActorContext } from "@/server/context";
import { db } from "@/server/db";
import { createRegistrant, createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

/**
 * Every action of the registrar console, found on disk so that a new one joins by itself: an auditor
 * is refused every write before its input is even read, and no reseller person or registrant gets in.
 */
const REGISTRAR_APP = path.resolve(__dirname, "../../../src/app/(registrar)");
// Registrar actions an auditor may run because they change nothing.
const AUDITOR_READS = new Set(["verifyChain"]);

type Runnable = { run: (ctx: ActorContext, input: Record<string, unknown>) => Promise<{ ok: boolean; code?: string }> };

async function registrarActions(): Promise<[string, Runnable][]> {
  const found: [string, Runnable][] = [];
  for (const f of readdirSync(REGISTRAR_APP, { recursive: true, encoding: "utf8" })) {
    if (!/\.tsx?$/.test(f) || !/^["']use server["']/m.test(readFileSync(path.join(REGISTRAR_APP, f), "utf8"))) continue;
    const mod = (await import(path.join(REGISTRAR_APP, f))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function" && "run" in value) found.push([name, value as unknown as Runnable]);
  }
  return found;
}

describe("registrar writes are refused to auditors", () => {
  it("refuses every registrar write to an auditor, and every registrar action to reseller staff and registrants", async () => {
    const actions = await registrarActions();
    expect(actions.length).toBeGreaterThan(15);
    const auditor = await createRegistrarStaff("registrar_auditor");
    const reseller = await createReseller({ slug: "acme" });
    const owner = await createStaff(reseller.id, "owner");
    const customer = await createRegistrant(reseller.id);
    const auditsBefore = await db.auditEntry.count();

    const asAuditor = Object.fromEntries(
      await Promise.all(actions.map(async ([name, a]) => [name, (await a.run(auditor.ctx, {})).code ?? "ok"] as const)),
    );
    const expected = Object.fromEntries(
      actions.map(([name]) => [name, AUDITOR_READS.has(name) ? asAuditor[name] : "READ_ONLY"]),
    );
    expect(asAuditor).toEqual(expected);
    for (const name of AUDITOR_READS) expect(asAuditor[name]).not.toBe("READ_ONLY");

    for (const ctx of [owner.ctx, customer.ctx]) {
      const outcomes = await Promise.all(
        actions.map(async ([name, a]) => [name, (await a.run(ctx, {})).code] as const),
      );
      expect(outcomes.filter(([, code]) => code !== "FORBIDDEN")).toEqual([]);
    }
    expect(await db.auditEntry.count()).toBe(auditsBefore);
  });
});
