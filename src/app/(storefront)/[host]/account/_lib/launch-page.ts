/**
 * What the launch pages (sunrise, landrush, pre-orders) open with: the storefront, the name a search
 * result passed in (kept through sign-in), the registrant's session, and a name check whose refusal is
 * shown on the page rather than thrown.
 */
import { requireSession } from "@/server/auth/require-context";
import { isAppError } from "@/server/errors";
import { isSelling, loadStorefront } from "../../_lib/storefront";
import { prefillName } from "./prefill-name";

export async function openLaunchPage(path: string, host: string, rawName: string | string[] | undefined) {
  const storefront = await loadStorefront(host);
  const name = prefillName(rawName);
  const session = await requireSession("storefront", {
    next: name ? `${path}?name=${encodeURIComponent(name)}` : path,
  });
  return { storefront, name, session, ctx: session.ctx, selling: isSelling(storefront) };
}

/** The registry's word on the name, or why it cannot be asked for, in words for the page. */
export async function checkOrProblem<T>(check: () => Promise<T>): Promise<{ check: T } | { problem: string }> {
  try {
    return { check: await check() };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { problem: e.message };
  }
}
