/**
 * Product texts a reseller pastes into its own site or shop: domains, privacy, SSL certificates and
 * trademark (TMCH) filings, as Markdown with its prices filled in. The brand name and product names
 * go through markdownText, so a name cannot turn into a link or raw HTML where the text is published.
 */
import { markdownText as md } from "./escape";
import type { KitData } from "./load-kit-data";

export const PRODUCT_TEXTS = ["domains", "privacy", "ssl", "tmch"] as const;
export type ProductText = (typeof PRODUCT_TEXTS)[number];

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function closing(data: KitData, path: string, words: string): string[] {
  return ["", `[${words}](${data.storefrontUrl}${path}) at ${md(data.brand)}.`, ""];
}

export function productTextMarkdown(data: KitData, topic: ProductText): string {
  const brand = md(data.brand);
  if (topic === "domains")
    return [
      `# Domain names at ${brand}`,
      "",
      ...(data.tagline ? [md(data.tagline), ""] : []),
      "Register the name for your business, project or family in minutes. Every name comes with DNS management, a transfer lock and renewal reminders before it expires.",
      "",
      ...(data.domains.length
        ? table(
            ["Extension", "First year", "Renewal", "Transfer in"],
            data.domains.map((d) => [`.${md(d.code)}`, d.register ?? "–", d.renew ?? "–", d.transfer ?? "–"]),
          )
        : ["Ask us for today's prices."]),
      ...closing(data, "/", "Search for your name"),
    ].join("\n");
  if (topic === "privacy")
    return [
      `# Domain privacy at ${brand}`,
      "",
      "The public registration record of a domain can show its owner's name, address, phone number and email. With privacy, it shows ours instead, and we forward mail that is meant for you.",
      "",
      data.privacyFrom
        ? `Privacy costs from ${data.privacyFrom} a year per domain, and you can turn it on or off at any time.`
        : "Add privacy to any domain, and turn it on or off at any time.",
      ...closing(data, "/account/domains", "Turn on privacy in Your domains"),
    ].join("\n");
  if (topic === "ssl")
    return [
      `# SSL certificates at ${brand}`,
      "",
      "A certificate lets browsers show your site over HTTPS with the padlock: visitors' data is encrypted and they can see the site is really yours. We check your domain, issue the certificate and remind you before it needs renewing.",
      "",
      ...(data.ssl.length
        ? table(
            ["Certificate", "Price for one year"],
            data.ssl.map((p) => [md(p.name), p.price]),
          )
        : ["Ask us which certificates we offer."]),
      ...closing(data, "/", "Order a certificate"),
    ].join("\n");
  return [
    `# Protect your trademark with ${brand}`,
    "",
    "Record your trademark with the Trademark Clearinghouse (TMCH) and register your name in new extensions during their sunrise period, before anyone else can. Anyone who tries to register a matching name is told of your mark, and you are told if they go ahead.",
    "",
    ...(data.tmch.length
      ? table(
          ["Filing", "Price for one year"],
          data.tmch.map((p) => [md(p.name), p.price]),
        )
      : ["Ask us about trademark filings."]),
    ...closing(data, "/", "Record your mark"),
  ].join("\n");
}
