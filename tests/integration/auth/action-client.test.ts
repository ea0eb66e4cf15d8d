import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction, testRequest } from "@/server/action-client";
import { AppError } from "@/server/errors";
import { createRegistrant, createRegistrarStaff, createReseller, createStaff } from "../../support/factories";

const write = defineAction({
  area: "console",
  input: z.object({ n: z.coerce.number().int().min(1, "At least one.") }),
  handler: async (ctx, input) => ({ by: ctx.role, n: input.n }),
});
const read = defineAction({ area: "console", write: false, input: z.object({}), handler: async () => "read" });
const ownersOnly = defineAction({
  area: "console",
  roles: ["owner"],
  input: z.object({}),
  handler: async () => "done",
});
const registrarWrite = defineAction({ area: "registrar", input: z.object({}), handler: async () => "done" });
const storefrontWrite = defineAction({
  area: "storefront",
  input: z.object({}),
  handler: async (ctx) => ctx.resellerId,
});
const failing = defineAction({
  area: "console",
  input: z.object({}),
  handler: async (): Promise<never> => {
    throw new Error("database on fire");
  },
});
const refusing = defineAction({
  area: "console",
  input: z.object({}),
  handler: async (): Promise<never> => {
    throw new AppError("CONFLICT", "Taken.", { fields: { slug: "Already used." } });
  },
});

describe("the action client", () => {
  it("parses FormData, runs the handler and returns its data", async () => {
    const acme = await createReseller();
    const { ctx } = await createStaff(acme.id, "support");
    const form = new FormData();
    form.set("n", "3");
    form.set("$ACTION_ID_abc", "");
    expect(await write.run(ctx, form)).toEqual({ ok: true, data: { by: "support", n: 3 } });
  });

  it("maps zod problems to field errors and keeps the typed values", async () => {
    const acme = await createReseller();
    const { ctx } = await createStaff(acme.id, "owner");
    expect(await write.run(ctx, { n: "0" })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Some of the information you entered is not valid.",
      fields: { n: "At least one." },
      values: { n: "0" },
    });
  });

  it("refuses writes by registrar auditors but lets them read", async () => {
    const { ctx } = await createRegistrarStaff("registrar_auditor");
    expect(await registrarWrite.run(ctx, {})).toMatchObject({ ok: false, code: "READ_ONLY" });
    const admin = await createRegistrarStaff("registrar_admin");
    expect(await registrarWrite.run(admin.ctx, {})).toEqual({ ok: true, data: "done" });
  });

  it("makes a suspended reseller's console read-only", async () => {
    const acme = await createReseller({ status: "suspended" });
    const { ctx } = await createStaff(acme.id, "owner");
    expect(await write.run(ctx, { n: 1 })).toMatchObject({ ok: false, code: "RESELLER_SUSPENDED" });
    expect(await read.run(ctx, {})).toEqual({ ok: true, data: "read" });
  });

  it("refuses roles the action does not allow", async () => {
    const acme = await createReseller();
    const { ctx } = await createStaff(acme.id, "admin");
    expect(await ownersOnly.run(ctx, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses an actor of another area", async () => {
    const acme = await createReseller();
    const staff = await createStaff(acme.id, "owner");
    const customer = await createRegistrant(acme.id);
    const registrar = await createRegistrarStaff("registrar_admin");
    expect(await write.run(registrar.ctx, { n: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await write.run(customer.ctx, { n: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await storefrontWrite.run(staff.ctx, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("runs a storefront action only on the actor's own storefront", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    const { ctx } = await createRegistrant(acme.id);
    expect(await storefrontWrite.run(ctx, {})).toEqual({ ok: true, data: acme.id });
    expect(await storefrontWrite.run(ctx, {}, testRequest({ host: nimbus.host }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("passes a service's AppError through with its message and fields", async () => {
    const acme = await createReseller();
    const { ctx } = await createStaff(acme.id, "owner");
    expect(await refusing.run(ctx, {})).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "Taken.",
      fields: { slug: "Already used." },
      values: {},
    });
  });

  it("hides unexpected errors behind INTERNAL and logs them", async () => {
    const acme = await createReseller();
    const { ctx } = await createStaff(acme.id, "owner");
    // Expected here: replace the fail-on-console-error spy's implementation for this one call.
    const logged = vi.mocked(console.error).mockImplementation(() => {});
    const result = await failing.run(ctx, {});
    expect(result).toMatchObject({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong on our side. Please try again.",
    });
    expect(JSON.stringify(result)).not.toContain("on fire");
    expect(logged).toHaveBeenCalledWith("Unexpected error in a server action", expect.any(Error));
  });
});
