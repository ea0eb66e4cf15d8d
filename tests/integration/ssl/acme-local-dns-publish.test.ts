/**
 * The DCV publisher for the platform's local DNS stand-in: what it sets, the local resolver answers
 * (as the platform's own DCV check reads it), audited; clearing removes only that value.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { localDnsResolver } from "@/server/dns/local-adapter";
import { localDnsPublisher } from "@/server/ssl/dns-publish/local-publisher";

const NAME = "_acme-challenge.shop.example";

describe("local DNS publisher for DCV records", () => {
  it("publishes a TXT record the local resolver answers, and clears it again", async () => {
    const publisher = localDnsPublisher();
    await publisher.setTxt("_ACME-Challenge.Shop.Example.", "digest-one");
    await publisher.setTxt(NAME, "digest-two");
    expect((await localDnsResolver(db).lookupTxt(NAME)).sort()).toEqual(["digest-one", "digest-two"]);

    await publisher.clearTxt(NAME, "digest-one");
    expect(await localDnsResolver(db).lookupTxt(NAME)).toEqual(["digest-two"]);
    await expect(publisher.clearTxt(NAME, "digest-one")).resolves.toBeUndefined();

    const audit = await db.auditEntry.findMany({ where: { entity: "localDnsRecord" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["dns.local.set", "dns.local.set", "dns.local.remove"]);
  });

  it("publishing the same value twice keeps one record", async () => {
    const publisher = localDnsPublisher();
    await publisher.setTxt(NAME, "same");
    await publisher.setTxt(NAME, "same");
    expect(await localDnsResolver(db).lookupTxt(NAME)).toEqual(["same"]);
  });
});
