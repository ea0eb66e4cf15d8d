import { describe, expect, it } from "vitest";
import { CHALLENGE_TTL_MS, openChallenge, signChallenge } from "@/server/auth/second-factor/challenge";
import { requiresSecondFactor } from "@/server/auth/second-factor-policy";
import { hashRecoveryCode, looksLikeRecoveryCode } from "@/server/auth/second-factor/recovery-codes";
import { matchTotpStep, newTotpSecret, totpCodeForStep, totpUri } from "@/server/auth/second-factor/totp";

// RFC 6238 appendix B's SHA-1 key "12345678901234567890", in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("match the RFC 6238 test vectors (last six digits)", () => {
    expect(totpCodeForStep(RFC_SECRET, Math.floor(59 / 30))).toBe("287082");
    expect(totpCodeForStep(RFC_SECRET, Math.floor(1111111109 / 30))).toBe("081804");
    expect(totpCodeForStep(RFC_SECRET, Math.floor(1234567890 / 30))).toBe("005924");
  });

  it("accept a code one step either side of now and name the step it belongs to", () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotpStep(RFC_SECRET, totpCodeForStep(RFC_SECRET, step), now)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCodeForStep(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeForStep(RFC_SECRET, step + 1), now)).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeForStep(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, "12345", now)).toBeNull();
  });

  it("make 160-bit secrets and an otpauth URI an authenticator app reads", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, "a@b.test")).toMatch(
      new RegExp(`^otpauth://totp/.+a%40b\\.test\\?.*secret=${secret}&algorithm=SHA1&digits=6&period=30`),
    );
  });
});

describe("the sign-in challenge", () => {
  const c = { step: "code" as const, sub: "user-1", resellerId: null, sv: 0, next: "/registrar" };

  it("opens for its own step until it expires", () => {
    const now = 1_800_000_000_000;
    const token = signChallenge(c, now);
    expect(openChallenge(token, "code", now + 1000)).toMatchObject(c);
    expect(openChallenge(token, "enrol", now + 1000)).toBeNull();
    expect(openChallenge(token, "code", now + CHALLENGE_TTL_MS.code)).toBeNull();
  });

  it("is refused when altered or not ours", () => {
    const token = signChallenge(c);
    const [body, mac] = token.split(".");
    const altered = Buffer.from(Buffer.from(body, "base64url").toString().replace("user-1", "user-2")).toString(
      "base64url",
    );
    expect(openChallenge(`${altered}.${mac}`, "code")).toBeNull();
    expect(openChallenge(`${body}.${mac}x`, "code")).toBeNull();
    expect(openChallenge("", "code")).toBeNull();
    expect(openChallenge(null, "code")).toBeNull();
  });
});

describe("who needs a second factor", () => {
  it("is registrar staff and reseller owners and admins, not support or billing staff", () => {
    for (const role of ["registrar_admin", "registrar_auditor", "owner", "admin"] as const)
      expect(requiresSecondFactor([role])).toBe(true);
    expect(requiresSecondFactor(["support", "billing"])).toBe(false);
    expect(requiresSecondFactor(["support", "owner"])).toBe(true);
  });
});

describe("recovery codes", () => {
  it("are recognised however they are typed and hashed the same way", () => {
    expect(looksLikeRecoveryCode("ABCDE-FGHJK")).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(hashRecoveryCode("abcde fghjk")).toBe(hashRecoveryCode("ABCDE-FGHJK"));
  });
});
