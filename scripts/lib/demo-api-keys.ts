/**
 * Development only: one sandbox (`rk_test_`) API key per demo reseller, derived from its slug so
 * `npm run dev` can print it on every start (a key is otherwise shown once and stored only hashed).
 * A derived secret is fine here because it only ever reaches the reseller's sandbox of a local
 * demo database; production never runs this (the welcome text is printed by `npm run dev` only).
 */
import { createHash } from "node:crypto";
import { db } from "@/server/db";
import { hashKey } from "@/server/api-keys/key-format";

export function demoTestKey(slug: string): string {
  return "rk_test_" + createHash("sha256").update(`demo sandbox key for ${slug}`).digest("base64url");
}

/** The demo resellers with their test key, the key's row made when missing. */
export async function ensureDemoTestKeys(): Promise<{ slug: string; name: string; key: string }[]> {
  const resellers = await db.reseller.findMany({
    where: { slug: { in: ["acme", "nimbus"] } },
    orderBy: { slug: "asc" },
    include: { memberships: { where: { role: "owner" }, take: 1 } },
  });
  const out: { slug: string; name: string; key: string }[] = [];
  for (const r of resellers) {
    const owner = r.memberships[0];
    if (!owner) continue;
    const key = demoTestKey(r.slug);
    await db.apiKey.upsert({
      where: { secretHash: hashKey(key) },
      update: {},
      create: {
        resellerId: r.id,
        name: "Demo sandbox key (npm run dev)",
        mode: "test",
        displayPrefix: key.slice(0, 16),
        secretHash: hashKey(key),
        scopes: ["read", "domains", "billing"],
        allowedCidrs: [],
        createdById: owner.userId,
      },
    });
    out.push({ slug: r.slug, name: r.displayName, key });
  }
  return out;
}
