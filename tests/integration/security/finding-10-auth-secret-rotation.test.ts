import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { db } from "@/server/db";
import { rotateDataKeys } from "@/server/crypto/rotate-data-keys";
import { decryptAuthCode, encryptAuthCode } from "@/server/domains/manage/auth-code";
import { createTldProduct } from "../../support/factories/money";
import { createReseller } from "../../support/factories/reseller";

const key = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;
const K1 = key("k1");
const K2 = key("k2");

/** What rows held before data keys: AES-256-GCM keyed from AUTH_SECRET, "v1.iv.tag.body". */
function legacySeal(code: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(
    "aes-256-gcm",
    createHash("sha256").update(`domain-auth-info:${authSecret}`).digest(),
    iv,
  );
  const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

async function domainWithSealedCode(resellerId: string, sealed: string) {
  const name = `rot-${randomBytes(4).toString("hex")}.com`;
  return db.domain.create({
    data: { resellerId, name, unicodeName: name, tld: "com", state: "active", authInfoEnc: sealed },
  });
}

async function transferItemWithSealedCode(resellerId: string, productId: string, sealed: string) {
  const order = await db.order.create({
    data: {
      resellerId,
      idempotencyKey: randomBytes(6).toString("hex"),
      currency: "USD",
      retailTotal: 1,
      wholesaleTotal: 1,
    },
  });
  return db.orderItem.create({
    data: {
      orderId: order.id,
      resellerId,
      kind: "domain_transfer",
      productId,
      subject: "moving.com",
      retailAmount: 1,
      wholesaleAmount: 1,
      registryCost: 1,
      state: "paid",
      details: { unicodeName: "moving.com", authCodeEnc: sealed, contactId: "c1", privacy: false },
    },
  });
}

async function storedCodes(): Promise<string[]> {
  const domains = await db.domain.findMany({ select: { authInfoEnc: true } });
  const items = await db.orderItem.findMany({ select: { details: true } });
  return [
    ...domains.map((d) => d.authInfoEnc ?? ""),
    ...items.map((i) => (i.details as { authCodeEnc: string }).authCodeEnc),
  ];
}

describe("security finding 10: rotating AUTH_SECRET makes stored auth codes unreadable", () => {
  const saved = { AUTH_SECRET: env().AUTH_SECRET, DATA_KEYS: env().DATA_KEYS };
  beforeEach(() => Object.assign(env(), { AUTH_SECRET: "first-auth-secret-of-forty-characters-00", DATA_KEYS: K1 }));
  afterEach(() => Object.assign(env(), saved));

  it("rotating AUTH_SECRET leaves stored auth codes readable", async () => {
    const reseller = await createReseller();
    const domain = await domainWithSealedCode(reseller.id, encryptAuthCode("Code-One-1"));
    env().AUTH_SECRET = "second-auth-secret-of-forty-characters-0";
    const stored = await db.domain.findUniqueOrThrow({ where: { id: domain.id } });
    expect(decryptAuthCode(stored.authInfoEnc ?? "")).toBe("Code-One-1");
  });

  it("adding a data key and running the rotation keeps every stored auth code readable, then the old key can go", async () => {
    const reseller = await createReseller();
    const product = await createTldProduct("com");
    for (const code of ["Code-A-1", "Code-B-2", "Code-C-3"])
      await domainWithSealedCode(reseller.id, encryptAuthCode(code));
    await transferItemWithSealedCode(reseller.id, product.id, encryptAuthCode("Code-T-4"));

    env().DATA_KEYS = `${K2},${K1}`;
    expect((await storedCodes()).map(decryptAuthCode).sort()).toEqual(["Code-A-1", "Code-B-2", "Code-C-3", "Code-T-4"]);

    const report = await rotateDataKeys(db, { batchSize: 2 });
    expect(report).toEqual([
      { column: "Domain.authInfoEnc", rotated: 3, unreadable: 0 },
      { column: "OrderItem.details.authCodeEnc", rotated: 1, unreadable: 0 },
      { column: "User.totpSecret", rotated: 0, unreadable: 0 },
      { column: "RegistrantTotp.secret", rotated: 0, unreadable: 0 },
    ]);
    expect((await storedCodes()).every((s) => s.startsWith("v2.k2."))).toBe(true);

    env().DATA_KEYS = K2;
    expect((await storedCodes()).map(decryptAuthCode).sort()).toEqual(["Code-A-1", "Code-B-2", "Code-C-3", "Code-T-4"]);
    // Idempotent: a second run finds nothing to do.
    expect((await rotateDataKeys(db)).map((r) => r.rotated)).toEqual([0, 0, 0, 0]);
  });

  it("codes stored under the old AUTH_SECRET scheme stay readable and move to the data key, surviving an AUTH_SECRET change", async () => {
    const reseller = await createReseller();
    const domain = await domainWithSealedCode(
      reseller.id,
      legacySeal("Legacy-Code-9", "first-auth-secret-of-forty-characters-00"),
    );
    expect(decryptAuthCode(domain.authInfoEnc ?? "")).toBe("Legacy-Code-9");

    await rotateDataKeys(db);
    env().AUTH_SECRET = "second-auth-secret-of-forty-characters-0";
    const stored = await db.domain.findUniqueOrThrow({ where: { id: domain.id } });
    expect(stored.authInfoEnc).toMatch(/^v2\.k1\./);
    expect(decryptAuthCode(stored.authInfoEnc ?? "")).toBe("Legacy-Code-9");
  });

  it("a code no configured key opens is counted, not overwritten", async () => {
    const reseller = await createReseller();
    const domain = await domainWithSealedCode(reseller.id, encryptAuthCode("Lost-Key-5"));
    env().DATA_KEYS = K2;
    const report = await rotateDataKeys(db);
    expect(report[0]).toEqual({ column: "Domain.authInfoEnc", rotated: 0, unreadable: 1 });
    expect((await db.domain.findUniqueOrThrow({ where: { id: domain.id } })).authInfoEnc).toBe(domain.authInfoEnc);
  });
});
