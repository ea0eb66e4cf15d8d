/**
 * Issue 12's pre-registration journey (decision 124): Jane finds a .nova name that is not open yet,
 * pre-orders it and pays; the pre-order waits with the money held. The registry's clock is moved to
 * .nova's general availability, the platform sends the pre-order as soon as it sees the phase start,
 * and the name shows in "Your domains". The registry's clock only moves forward and this journey
 * jumps months, so the file name sorts after launch-sunrise.spec.ts (launch specs share one clock and
 * run in file-name order); the move is computed from the registry's own time, not a fixed step.
 */
import { expect, test } from "@playwright/test";
import { look, reloadUntil } from "./support/reload-until";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const REGISTRY_ADMIN = `http://127.0.0.1:${Number(process.env.E2E_REGISTRY_PORT ?? 7100) + 1}`;
const PASSWORD = "demo-password-123";
const acme = (p = "/") => `http://acme.localhost:${PORT}${p}`;
// A name of its own keeps a re-run against a reused server honest.
const NAME = `comet${Date.now().toString(36)}.nova`;
const DAY = 86_400_000;
// .nova opens to everyone 150 days after the registry's start (src/mock-registry/config/tlds.ts); an
// hour more covers the time the server ran before this journey.
const NOVA_OPEN = 150 * DAY + 3_600_000;

test("a registrant pre-orders a .nova name and holds it once .nova opens", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(acme(`/sign-in?next=${encodeURIComponent(`/search?q=${NAME}`)}`));
  await page.getByLabel("Email").fill("jane@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/search", { timeout: 30_000 });

  const result = page.getByTestId("search-result").filter({ hasText: NAME }).first();
  await expect(result).toContainText("Not open yet");
  await expect(result.getByRole("link", { name: /Tell me when it opens/ })).toBeVisible();
  await result.getByRole("link", { name: /Pre-order/ }).click();
  await expect(page).toHaveURL(/\/account\/preorders\?name=/);

  // The registrant contact as at checkout: a saved one when Jane has one, else her details.
  if ((await page.getByLabel("Use a saved contact").count()) === 0) {
    await page.getByLabel("Phone, with country code (+1.5555551234)").fill("+1.5555551234");
    await page.getByLabel("Street address").fill("1 Comet Road");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("Postal code").fill("12345");
    await page.getByLabel("Country", { exact: true }).selectOption("US");
  }
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();

  await page.goto(acme("/account/preorders"));
  const row = page.getByTestId("preorder").filter({ hasText: NAME });
  await reloadUntil(page, () => look(row).toContainText("Waiting for the extension to open"), 60_000);

  // .nova opens on the registry's clock: the move is what is left to its general availability.
  const status = (await (await fetch(`${REGISTRY_ADMIN}/status`)).json()) as { now: string };
  const ahead = Date.parse(status.now) - Date.now();
  const res = await fetch(`${REGISTRY_ADMIN}/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ms: Math.max(0, NOVA_OPEN - ahead) }),
  });
  expect(res.ok, await res.text()).toBe(true);

  await reloadUntil(page, () => look(row).toContainText("Registered: the name is yours"), 150_000);
  await page.goto(acme("/account/domains"));
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
});
