import { describe, expect, it } from "vitest";
import { testRequest } from "@/server/action-client";
import { db } from "@/server/db";
import { acceptConsoleInvitation, signInToConsole } from "@/app/(console)/(auth)/actions";
import { createInvitation } from "@/server/auth/create-invitation";
import { createReseller, createStaff } from "../../support/factories";

const tokenOf = (link: string) => link.split("/").pop()!;

describe("issue 9: accepting an invitation checks an existing account's password within the sign-in limits", () => {
  it("stops password guesses through an invitation link after five, like sign-in, and counts them for sign-in", async () => {
    const acme = await createReseller();
    const nimbus = await createReseller();
    const existing = await createStaff(nimbus.id, "billing", { email: "pat@example.test" });
    const owner = await createStaff(acme.id, "owner");
    const { link } = await createInvitation(owner.ctx, {
      email: "pat@example.test",
      role: "admin",
      resellerId: acme.id,
    });
    const guessFrom = () => testRequest({ clientAddress: "198.51.100.44" });

    for (let i = 0; i < 5; i++) {
      expect(
        await acceptConsoleInvitation.run(guessFrom(), { token: tokenOf(link), name: "", password: `guess-${i}-xyz` }),
      ).toMatchObject({ ok: false, code: "INVALID_INPUT", fields: { password: expect.any(String) } });
    }
    // The sixth try is refused before the password is looked at, even the right one.
    expect(
      await acceptConsoleInvitation.run(guessFrom(), { token: tokenOf(link), name: "", password: existing.password }),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    // The same budget as sign-in: the guesses through the invitation count there too.
    expect(
      await signInToConsole.run(guessFrom(), { email: "pat@example.test", password: existing.password }),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db.membership.count({ where: { userId: existing.user.id } })).toBe(1);

    // The owner, from an address of their own, still accepts with the right password.
    expect(
      await acceptConsoleInvitation.run(testRequest({ clientAddress: "203.0.113.80" }), {
        token: tokenOf(link),
        name: "",
        password: existing.password,
      }),
    ).toMatchObject({ ok: true });
  });
});
