/**
 * Reloading until a check passes, for what the worker's jobs move on their own schedule. A reloaded
 * page is already rendered, so each look is short: a check that waited the default ten seconds after
 * every reload saw a job's change up to fifteen seconds late (decision 131).
 */
import { expect, type Page } from "@playwright/test";

/** `expect` for the checks given to reloadUntil: the page has just loaded, so a short look is enough. */
export const look = expect.configure({ timeout: 2_000 });

export async function reloadUntil(page: Page, check: () => Promise<void>, timeout: number) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000] });
}
