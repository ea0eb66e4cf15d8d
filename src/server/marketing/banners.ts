/**
 * Web banners in the IAB sizes resellers are most often asked for, as SVG: the reseller's name, its
 * colours and font, the headline TLD's price and its storefront's address. Text is sized to fit by
 * its length (SVG has no wrapping), so a long brand name shrinks instead of running off the edge.
 */
import { escapeMarkup as x } from "./escape";
import type { KitData } from "./load-kit-data";

export const BANNER_SIZES = ["728x90", "300x250", "160x600"] as const;
export type BannerSize = (typeof BANNER_SIZES)[number];

// An average glyph of a sans-serif font is a little over half its size wide.
const fit = (text: string, width: number, max: number) =>
  Math.max(8, Math.min(max, Math.floor(width / (Math.max(text.length, 1) * 0.58))));

type Line = { text: string; x: number; y: number; size: number; weight?: number; fill: string; anchor?: string };

function line(l: Line): string {
  return `<text x="${l.x}" y="${l.y}" font-size="${l.size}" font-weight="${l.weight ?? 400}" fill="${l.fill}" text-anchor="${l.anchor ?? "start"}">${x(l.text)}</text>`;
}

function address(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

export function bannerSvg(data: KitData, size: BannerSize): string {
  const [w, h] = size.split("x").map(Number);
  const c = data.colors;
  const offer = data.headline ? `.${data.headline.tld} from ${data.headline.price}` : "Find your domain name";
  const call = "Search now";
  const where = address(data.storefrontUrl);
  let body: string;
  if (size === "728x90") {
    body = [
      line({ text: data.brand, x: 20, y: 38, size: fit(data.brand, 300, 26), weight: 700, fill: c.onPrimary }),
      line({ text: where, x: 20, y: 68, size: fit(where, 300, 14), fill: c.onPrimary }),
      line({ text: offer, x: 340, y: 54, size: fit(offer, 230, 22), weight: 700, fill: c.onPrimary }),
      `<rect x="590" y="25" width="120" height="40" rx="6" fill="${c.accent}"/>`,
      line({ text: call, x: 650, y: 51, size: 15, weight: 700, fill: c.onAccent, anchor: "middle" }),
    ].join("");
  } else if (size === "300x250") {
    body = [
      line({
        text: data.brand,
        x: 150,
        y: 60,
        size: fit(data.brand, 260, 28),
        weight: 700,
        fill: c.onPrimary,
        anchor: "middle",
      }),
      line({
        text: offer,
        x: 150,
        y: 120,
        size: fit(offer, 260, 22),
        weight: 700,
        fill: c.onPrimary,
        anchor: "middle",
      }),
      `<rect x="75" y="150" width="150" height="44" rx="6" fill="${c.accent}"/>`,
      line({ text: call, x: 150, y: 178, size: 16, weight: 700, fill: c.onAccent, anchor: "middle" }),
      line({ text: where, x: 150, y: 228, size: fit(where, 260, 13), fill: c.onPrimary, anchor: "middle" }),
    ].join("");
  } else {
    body = [
      line({
        text: data.brand,
        x: 80,
        y: 90,
        size: fit(data.brand, 140, 22),
        weight: 700,
        fill: c.onPrimary,
        anchor: "middle",
      }),
      ...(data.headline
        ? [
            line({
              text: `.${data.headline.tld}`,
              x: 80,
              y: 250,
              size: fit(`.${data.headline.tld}`, 140, 40),
              weight: 700,
              fill: c.onPrimary,
              anchor: "middle",
            }),
            line({ text: "from", x: 80, y: 290, size: 16, fill: c.onPrimary, anchor: "middle" }),
            line({
              text: data.headline.price,
              x: 80,
              y: 330,
              size: fit(data.headline.price, 140, 28),
              weight: 700,
              fill: c.onPrimary,
              anchor: "middle",
            }),
          ]
        : [
            line({
              text: offer,
              x: 80,
              y: 290,
              size: fit(offer, 140, 18),
              weight: 700,
              fill: c.onPrimary,
              anchor: "middle",
            }),
          ]),
      `<rect x="15" y="430" width="130" height="44" rx="6" fill="${c.accent}"/>`,
      line({ text: call, x: 80, y: 458, size: 15, weight: 700, fill: c.onAccent, anchor: "middle" }),
      line({ text: where, x: 80, y: 560, size: fit(where, 140, 12), fill: c.onPrimary, anchor: "middle" }),
    ].join("");
  }
  const label = `${data.brand}: ${offer}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${x(label)}" font-family="${x(data.fontStack)}">`,
    `<title>${x(label)}</title>`,
    `<rect width="${w}" height="${h}" fill="${c.primary}"/>`,
    body,
    `</svg>`,
    "",
  ].join("\n");
}
