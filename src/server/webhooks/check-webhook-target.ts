/**
 * The URL check at registration: the URL's own text (outbox/url-policy), and in production every
 * address its host name resolves to must be public. The sender checks the addresses again when it
 * connects, so a name that changes its answer later is still refused.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { checkWebhookUrl, isPublicAddress } from "./outbox/url-policy";

export async function checkWebhookTarget(raw: string, production = env().NODE_ENV === "production"): Promise<string> {
  const checked = checkWebhookUrl(raw, { production });
  if (!checked.ok) throw new AppError("INVALID_INPUT", checked.reason, { fields: { url: checked.reason } });
  const host = checked.url.hostname.replace(/^\[|\]$/g, "");
  if (production && !isIP(host)) {
    const addresses = await lookup(host, { all: true }).catch(() => []);
    const reason = !addresses.length
      ? "The host name does not resolve."
      : addresses.some((a) => !isPublicAddress(a.address))
        ? "The host name resolves to a private or reserved address."
        : null;
    if (reason) throw new AppError("INVALID_INPUT", reason, { fields: { url: reason } });
  }
  return checked.url.toString();
}
