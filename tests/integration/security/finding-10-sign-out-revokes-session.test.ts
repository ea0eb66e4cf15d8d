import { describe, expect, it, vi } from "vitest";
import { env } from "@/env";
import { testRequest } from "@/server/action-client";
import { signInToConsole } from "@/app/(console)/(auth)/actions";
import { POST as signOut } from "@/app/api/auth/sign-out/route";
import { resolveSession } from "@/server/auth/resolve-session";
import { decodeSession, encodeSession, sessionCookieName } from "@/server/auth/session-token";
import { createReseller, createStaff } from "../../support/factories";

const request = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({
    get: (name: string) => (name === sessionCookieName() && request.token ? { name, value: request.token } : undefined),
    delete: () => undefined,
  }),
}));

describe("security finding 10: sign-out leaves the session token valid", () => {
  it("refuses a token captured before sign-out once the person has signed out", async () => {
    expect(env().CONSOLE_HOST).toBe("localhost:3000");
    const acme = await createReseller();
    const { password } = await createStaff(acme.id, "support", { email: "o@acme.test" });
    const req = testRequest();
    expect(await signInToConsole.run(req, { email: "o@acme.test", password })).toMatchObject({ ok: true });
    const captured = await encodeSession(req.sessions[0]!);
    expect(await resolveSession(await decodeSession(captured), { area: "console" })).not.toBeNull();

    request.token = captured;
    const res = await signOut();
    expect(res.status).toBe(303);

    expect(await resolveSession(await decodeSession(captured), { area: "console" })).toBeNull();
  });
});
