/**
 * The marketing kit (issue 14): every file carries this reseller's name, colours, font, storefront
 * address and retail prices and nothing of another reseller's; a hostile brand name comes out
 * escaped; the zip holds every file with correct checksums.
 */
import { describe, expect, it } from "vitest";
import { DOMParser } from "@xmldom/xmldom";
import { db } from "@/server/db";
import { crc32 } from "@/lib/crc32";
import { buildKitDownload, KIT_FILES, KIT_ZIP_NAME } from "@/server/marketing/kit-files";
import { createDomainCatalog, createDomainReseller, createStaff } from "../../support/factories";
import { readStoreZip } from "../../support/read-store-zip";

type Staff = Awaited<ReturnType<typeof createStaff>>;
type Seller = Awaited<ReturnType<typeof createDomainReseller>>;

let acme: Seller;
let nimbus: Seller;
let support: Staff;
let nimbusOwner: Staff;
const decoder = new TextDecoder();

async function product(kind: "ssl" | "tmch", code: string, name: string) {
  await db.product.create({ data: { kind, code, name } });
}

async function brand(resellerId: string, displayName: string, colors: { primaryColor: string; accentColor: string }) {
  await db.reseller.update({ where: { id: resellerId }, data: { displayName } });
  await db.resellerBranding.update({
    where: { resellerId },
    data: { ...colors, font: "serif", tagline: "Names for makers" },
  });
}

// The database is emptied before every test, so each test builds the two resellers it reads.
async function world() {
  await createDomainCatalog(["com", "org"]);
  await product("ssl", "ssl-dv-single", "DV certificate (single name)");
  await product("tmch", "tmch-mark", "Trademark filing");
  // 20 % markup, no rounding: Acme sells .com at 12.00, .org at 14.40, the certificate at 9.60 and the filing at 180.00.
  acme = await createDomainReseller({
    slug: "acme-kit",
    wholesale: { com: 1_000, org: 1_200, "ssl-dv-single": 800, "tmch-mark": 15_000 },
  });
  nimbus = await createDomainReseller({
    slug: "nimbus-kit",
    wholesale: { com: 3_000, org: 3_100, "ssl-dv-single": 4_200, "tmch-mark": 40_000 },
  });
  await brand(acme.id, "Acme Kit Domains", { primaryColor: "#0a7f3f", accentColor: "#ffcc00" });
  await brand(nimbus.id, "Nimbus Kit Names", { primaryColor: "#5b21b6", accentColor: "#f97316" });
  support = await createStaff(acme.id, "support");
  nimbusOwner = await createStaff(nimbus.id, "owner");
}

const text = async (ctx: Staff["ctx"], resellerId: string, name: string, tld?: string) =>
  decoder.decode((await buildKitDownload(ctx, resellerId, name, { tld })).body);

const NIMBUS_TRACES = ["Nimbus", "nimbus-kit", "#5b21b6", "#f97316", "$36.00", "$37.20", "$50.40", "$480.00"];

/** Every file of a kit through one zip download, by file name, after checking each entry's checksum. */
async function kitByName(ctx: Staff["ctx"], resellerId: string): Promise<Map<string, string>> {
  const zip = await buildKitDownload(ctx, resellerId, KIT_ZIP_NAME);
  expect(zip.contentType).toBe("application/zip");
  const entries = readStoreZip(zip.body);
  expect(entries.map((e) => e.name)).toEqual(KIT_FILES.map((f) => `${f.folder}/${f.name}`));
  for (const e of entries) {
    expect(e.localCrc, e.name).toBe(crc32(e.data));
    expect(e.centralCrc, e.name).toBe(e.localCrc);
  }
  return new Map(entries.map((e) => [e.name.split("/")[1], decoder.decode(e.data)]));
}

describe("the marketing kit", () => {
  it("fills every file with this reseller's name, colours, address and prices, and nothing of another's", async () => {
    await world();
    const kit = await kitByName(support.ctx, acme.id);
    const file = (name: string) => kit.get(name) ?? "";
    for (const [name, body] of kit) {
      expect(body, name).toContain("Acme Kit Domains");
      expect(body, name).toContain(acme.host);
      for (const trace of NIMBUS_TRACES) expect(body, `${name} holds ${trace}`).not.toContain(trace);
    }
    // A single download is the same file as the zip's.
    const single = await buildKitDownload(support.ctx, acme.id, "banner-300x250.svg");
    expect(single).toMatchObject({
      contentType: "image/svg+xml; charset=utf-8",
      filename: "acme-kit-banner-300x250.svg",
    });
    expect(decoder.decode(single.body)).toBe(file("banner-300x250.svg"));

    const banner = file("banner-300x250.svg");
    expect(banner).toContain('fill="#0a7f3f"');
    expect(banner).toContain('fill="#ffcc00"');
    expect(banner).toContain("Georgia");
    expect(banner).toContain(".com from $12.00");
    expect(await text(support.ctx, acme.id, "banner-728x90.svg", "org")).toContain(".org from $14.40");
    // A TLD Acme does not sell falls back to .com.
    expect(await text(support.ctx, acme.id, "banner-160x600.svg", "io")).toContain("$12.00");

    const renewal = file("mail-renewal-reminder.html");
    expect(renewal).toContain(`href="http://${acme.host}/account/domains"`);
    expect(renewal).toContain("background:#0a7f3f");
    expect(renewal).toContain("{{domain}}");
    expect(file("mail-promotion.txt")).toMatch(/\.com names from \$12\.00.*\n/);
    expect(file("mail-welcome.txt")).toContain(".com $12.00, .org $14.40");

    expect(file("text-domains.md")).toContain("| .com | $12.00 | $12.00 | $12.00 |");
    expect(file("text-privacy.md")).toContain("from $12.00 a year");
    expect(file("text-ssl.md")).toContain("| DV certificate \\(single name\\) | $9.60 |");
    expect(file("text-tmch.md")).toContain("| Trademark filing | $180.00 |");

    // Nimbus's own kit has its own prices; Nimbus's staff cannot have Acme's.
    expect(await text(nimbusOwner.ctx, nimbus.id, "banner-300x250.svg")).toContain(".com from $36.00");
    await expect(buildKitDownload(nimbusOwner.ctx, acme.id, KIT_ZIP_NAME)).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
    });
    await expect(buildKitDownload(support.ctx, acme.id, "../../etc/passwd")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("escapes a hostile brand name in SVG and HTML and leaves it inert in Markdown", async () => {
    await world();
    const hostile = `<script>&"'`;
    await db.reseller.update({ where: { id: acme.id }, data: { displayName: `${hostile} [x](javascript:alert(1))` } });
    const kit = await kitByName(support.ctx, acme.id);
    const file = (name: string) => kit.get(name) ?? "";
    for (const name of ["banner-728x90.svg", "banner-300x250.svg", "banner-160x600.svg"]) {
      const svg = file(name);
      expect(svg).not.toContain("<script");
      expect(svg).toContain("&lt;script&gt;&amp;&quot;&#39;");
      // Well-formed, and a reader gets the name back exactly as the reseller wrote it.
      const errors: string[] = [];
      const note = (msg: string) => void errors.push(msg);
      const doc = new DOMParser({ errorHandler: { warning: note, error: note, fatalError: note } }).parseFromString(
        svg,
        "image/svg+xml",
      );
      expect(errors).toEqual([]);
      expect(doc.getElementsByTagName("title")[0]?.textContent).toContain(`${hostile} [x](javascript:alert(1))`);
    }
    for (const name of ["mail-welcome.html", "mail-renewal-reminder.html", "mail-promotion.html"]) {
      const html = file(name);
      expect(html).not.toContain("<script");
      expect(html).toContain("&lt;script&gt;&amp;&quot;&#39;");
    }
    for (const name of ["text-domains.md", "text-privacy.md", "text-ssl.md", "text-tmch.md"]) {
      const md = file(name);
      expect(md).not.toContain("<script");
      expect(md).not.toContain("](javascript:");
      expect(md).toContain("&lt;script&gt;&amp;\"'");
      expect(md).toContain("\\[x\\]\\(javascript:alert\\(1\\)\\)");
    }
  });
});
