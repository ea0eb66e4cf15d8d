/**
 * Mail templates a reseller sends from its own mail tool: welcome, renewal reminder and promotion,
 * each as HTML and as plain text with its name, storefront address and prices filled in. Fields only
 * the reseller's tool knows (the customer's name, the domain, its expiry) stay as {{placeholders}}.
 */
import { escapeMarkup as x } from "./escape";
import type { KitData } from "./load-kit-data";

export const MAIL_TEMPLATES = ["welcome", "renewal-reminder", "promotion"] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

type Content = { subject: string; paragraphs: string[]; button: { label: string; path: string } };

function priceLine(data: KitData): string[] {
  const few = data.domains.filter((d) => d.register).slice(0, 4);
  if (few.length === 0) return [];
  return [`Prices for the first year: ${few.map((d) => `.${d.code} ${d.register}`).join(", ")}.`];
}

function content(data: KitData, template: MailTemplate): Content {
  if (template === "welcome")
    return {
      subject: `Welcome to ${data.brand}`,
      paragraphs: [
        "Hello {{customer_name}},",
        `Thank you for choosing ${data.brand}. Your account is ready: search for a name, register it in minutes, and manage its settings, renewals and privacy in one place.`,
        ...priceLine(data),
        `Questions? Write to ${data.supportEmail}.`,
      ],
      button: { label: "Find your domain", path: "/" },
    };
  if (template === "renewal-reminder") {
    const renew = data.domains.find((d) => d.code === data.headline?.tld)?.renew;
    return {
      subject: "{{domain}} expires on {{expiry_date}}",
      paragraphs: [
        "Hello {{customer_name}},",
        `Your domain {{domain}} expires on {{expiry_date}}. Renew it before then to keep its website and email working.`,
        ...(renew && data.headline ? [`Renewing a .${data.headline.tld} name costs ${renew} a year.`] : []),
        `Questions? Write to ${data.supportEmail}.`,
      ],
      button: { label: "Renew in Your domains", path: "/account/domains" },
    };
  }
  const offer = data.headline
    ? `.${data.headline.tld} names from ${data.headline.price} for the first year`
    : "the right name for your idea";
  return {
    subject: `${data.brand}: ${offer}`,
    paragraphs: [
      "Hello {{customer_name}},",
      `The name you want may still be free. At ${data.brand} you get ${offer}.`,
      ...priceLine(data),
      ...(data.privacyFrom ? [`Keep your contact details private from ${data.privacyFrom} a year.`] : []),
    ],
    button: { label: "Search now", path: "/" },
  };
}

const link = (data: KitData, path: string) => `${data.storefrontUrl}${path}`;

export function mailTemplateText(data: KitData, template: MailTemplate): string {
  const c = content(data, template);
  return [
    `Subject: ${c.subject}`,
    "",
    ...c.paragraphs.flatMap((p) => [p, ""]),
    `${c.button.label}: ${link(data, c.button.path)}`,
    "",
    data.brand,
    "",
  ].join("\n");
}

export function mailTemplateHtml(data: KitData, template: MailTemplate): string {
  const c = content(data, template);
  const col = data.colors;
  const font = x(data.fontStack);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${x(c.subject)}</title>`,
    "</head>",
    `<body style="margin:0;padding:0;background:${col.background};color:${col.text};font-family:${font}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">',
    '<table role="presentation" width="600" cellpadding="24" cellspacing="0" style="max-width:600px">',
    `<tr><td style="background:${col.primary};color:${col.onPrimary};font-size:24px;font-weight:700">${x(data.brand)}</td></tr>`,
    "<tr><td>",
    ...c.paragraphs.map((p) => `<p style="font-size:16px;line-height:1.5;margin:0 0 16px">${x(p)}</p>`),
    `<p><a href="${x(link(data, c.button.path))}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:${col.accent};color:${col.onAccent};font-weight:700;text-decoration:none">${x(c.button.label)}</a></p>`,
    "</td></tr>",
    `<tr><td style="font-size:13px;color:${col.text}">${x(data.brand)} · <a href="${x(data.storefrontUrl)}" style="color:${col.text}">${x(data.storefrontUrl.replace(/^https?:\/\//, ""))}</a></td></tr>`,
    "</table>",
    "</td></tr></table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
