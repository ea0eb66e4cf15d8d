import { describe, expect, it, vi } from "vitest";
import { POST as bulkSearch } from "@/app/api/storefront/bulk-search/route";
import { BULK_SEARCH_RULE, limitBulkSearch } from "@/server/domains/search/limit-bulk-search";
import { createRegistrant, createReseller } from "../../support/factories";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined }),
}));

// A store that is not selling answers every search at once, so these tests need no registry.
const quietStore = () => createReseller({ status: "suspended" });

async function search(host: string, address: string): Promise<number> {
  request.headers = new Headers({ host, "x-forwarded-for": address });
  const res = await bulkSearch(
    new Request(`http://${host}/api/storefront/bulk-search`, {
      method: "POST",
      body: JSON.stringify({ names: "example.com" }),
    }),
  );
  await res.text();
  return res.status;
}

describe("security finding 10: bulk search has no rate limit", () => {
  it("refuses a client address once it has used up its bulk searches, and no other address", async () => {
    const acme = await quietStore();
    const statuses: number[] = [];
    for (let i = 0; i < BULK_SEARCH_RULE.limit; i += 1) statuses.push(await search(acme.host, "198.51.100.7"));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await search(acme.host, "198.51.100.7")).toBe(429);
    expect(await search(acme.host, "198.51.100.8")).toBe(200);
  });

  it("lets parallel requests from one address through only up to the limit", async () => {
    const acme = await quietStore();
    const statuses = await Promise.all(
      Array.from({ length: BULK_SEARCH_RULE.limit + 10 }, () => search(acme.host, "198.51.100.9")),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(BULK_SEARCH_RULE.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("refuses a signed-in customer who changes address once their account has used up its searches", async () => {
    const acme = await quietStore();
    const { registrant } = await createRegistrant(acme.id);
    for (let i = 0; i < BULK_SEARCH_RULE.limit; i += 1) {
      await limitBulkSearch({ resellerId: acme.id, address: `198.51.100.${i + 10}`, accountId: registrant.id });
    }
    await expect(
      limitBulkSearch({ resellerId: acme.id, address: "198.51.100.99", accountId: registrant.id }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
