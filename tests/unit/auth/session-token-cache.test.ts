// Decision 110: decrypted session tokens are remembered by their exact string, never past their expiry.
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSession, encodeSession, SESSION_MAX_AGE, type TokenClaims } from "@/server/auth/session-token";

const claims: TokenClaims = { kind: "registrant", sub: "g1", resellerId: "r1", host: "shop.test", sv: 0, sid: "s1" };

describe("session token decoding", () => {
  afterEach(() => vi.useRealTimers());

  it("answers the same claims for the same token, and nothing once the token has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await encodeSession(claims);
    expect(await decodeSession(token)).toEqual(claims);
    expect(await decodeSession(token)).toEqual(claims);
    vi.setSystemTime(Date.now() + (SESSION_MAX_AGE.registrant + 60) * 1000);
    expect(await decodeSession(token)).toBeNull();
  });

  it("refuses a token altered by one character even after the original was decoded", async () => {
    const token = await encodeSession({ ...claims, sid: "s2" });
    expect(await decodeSession(token)).not.toBeNull();
    const i = token.length - 5;
    const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    expect(await decodeSession(altered)).toBeNull();
  });
});
