import { describe, expect, it } from "vitest";
import { hashPassword, newPasswordSchema, verifyAgainstNothing, verifyPassword } from "@/server/auth/password";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const a = await hashPassword("correct-horse-battery");
    const b = await hashPassword("correct-horse-battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const h = await hashPassword("correct-horse-battery");
    expect(await verifyPassword(h, "correct-horse-battery")).toBe(true);
    expect(await verifyPassword(h, "Correct-horse-battery")).toBe(false);
  });

  it("treats a malformed stored hash as a failed check", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("spends a verification on a missing account and always fails", async () => {
    expect(await verifyAgainstNothing("no account has this password")).toBe(false);
  });

  it("requires new passwords of 10 to 200 characters", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("ten chars!").success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(201)).success).toBe(false);
  });
});
