import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { twoTenants, type IsolationCase, type Outcome } from "./harness";

const modules = import.meta.glob<{ cases: IsolationCase[] }>("./cases/*.ts", { eager: true });
const table = Object.entries(modules).flatMap(([file, m]) =>
  m.cases.map((c) => ({ file: file.replace("./cases/", ""), c })),
);

async function outcome(call: () => Promise<Outcome>): Promise<{ ok: boolean; code?: string }> {
  try {
    const r = await call();
    if (r && typeof r === "object" && "ok" in r) return r as { ok: boolean; code?: string };
    return { ok: true };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code };
    throw e;
  }
}

describe("tenant isolation", () => {
  it("has cases to check", () => {
    expect(table.length).toBeGreaterThan(0);
  });

  describe.each(table)("$file", ({ c }) => {
    it(`refuses: ${c.name}`, async () => {
      const t = await twoTenants();
      const state = await c.setup(t);
      const attacked = await outcome(() => c.attack(t, state));
      expect(attacked.ok, "the attack succeeded").toBe(false);
      expect(c.refusedWith ?? ["NOT_FOUND", "FORBIDDEN"]).toContain(attacked.code);
      if (c.unchanged) await c.unchanged(t, state);
      if (c.control) expect(await outcome(() => c.control!(t, state))).toMatchObject({ ok: true });
    });
  });
});
