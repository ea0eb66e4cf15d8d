/**
 * The marketing kit as files: what the console page lists, one file by name, and all of them in one
 * zip. Files are made on request from the reseller's current branding and prices, so a kit is never
 * stale and nothing is stored.
 */
import type { ActorContext } from "@/server/context";
import { AppError } from "@/server/errors";
import { writeStoreZip } from "@/lib/store-zip";
import { BANNER_SIZES, bannerSvg } from "./banners";
import { MAIL_TEMPLATES, mailTemplateHtml, mailTemplateText } from "./mail-templates";
import { PRODUCT_TEXTS, productTextMarkdown } from "./product-texts";
import { loadKitData, type KitData } from "./load-kit-data";

export type KitGroup = "banner" | "mail" | "text";

export type KitFile = {
  name: string;
  group: KitGroup;
  label: string;
  /** Where it sits inside the zip. */
  folder: string;
  contentType: string;
  render: (data: KitData) => string;
};

const MAIL_LABELS = { welcome: "Welcome", "renewal-reminder": "Renewal reminder", promotion: "Promotion" };
const TEXT_LABELS = {
  domains: "Domain names",
  privacy: "Domain privacy",
  ssl: "SSL certificates",
  tmch: "Trademark (TMCH)",
};

export const KIT_FILES: readonly KitFile[] = [
  ...BANNER_SIZES.map((size) => ({
    name: `banner-${size}.svg`,
    group: "banner" as const,
    label: `Banner ${size.replace("x", " × ")}`,
    folder: "banners",
    contentType: "image/svg+xml; charset=utf-8",
    render: (d: KitData) => bannerSvg(d, size),
  })),
  ...MAIL_TEMPLATES.flatMap((t) => [
    {
      name: `mail-${t}.html`,
      group: "mail" as const,
      label: `${MAIL_LABELS[t]} (HTML)`,
      folder: "mail",
      contentType: "text/html; charset=utf-8",
      render: (d: KitData) => mailTemplateHtml(d, t),
    },
    {
      name: `mail-${t}.txt`,
      group: "mail" as const,
      label: `${MAIL_LABELS[t]} (text)`,
      folder: "mail",
      contentType: "text/plain; charset=utf-8",
      render: (d: KitData) => mailTemplateText(d, t),
    },
  ]),
  ...PRODUCT_TEXTS.map((t) => ({
    name: `text-${t}.md`,
    group: "text" as const,
    label: TEXT_LABELS[t],
    folder: "texts",
    contentType: "text/markdown; charset=utf-8",
    render: (d: KitData) => productTextMarkdown(d, t),
  })),
];

export const KIT_ZIP_NAME = "marketing-kit.zip";

export type KitDownload = { filename: string; contentType: string; body: Uint8Array };

const encoder = new TextEncoder();

/** One file of the kit, or the whole kit as a zip; any other name is not found. */
export async function buildKitDownload(
  ctx: ActorContext,
  resellerId: string,
  name: string,
  opts: { tld?: string; at?: Date } = {},
): Promise<KitDownload> {
  const file = KIT_FILES.find((f) => f.name === name);
  if (!file && name !== KIT_ZIP_NAME) throw new AppError("NOT_FOUND");
  const data = await loadKitData(ctx, resellerId, opts);
  if (file)
    return {
      filename: `${data.slug}-${file.name}`,
      contentType: file.contentType,
      body: encoder.encode(file.render(data)),
    };
  const zip = writeStoreZip(
    KIT_FILES.map((f) => ({ name: `${f.folder}/${f.name}`, data: encoder.encode(f.render(data)) })),
    opts.at,
  );
  return { filename: `${data.slug}-${KIT_ZIP_NAME}`, contentType: "application/zip", body: zip };
}
