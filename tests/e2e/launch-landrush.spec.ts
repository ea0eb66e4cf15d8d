/**
 * Issue 12's landrush browser test (decision 121): Jane on Acme and Sam on Nimbus apply for the same
 * .forge name with different maximums and pay by card. Both storefronts apply through the one
 * registrar account, so the registry's sealed-bid auction settles it when landrush ends on its clock:
 * the higher maximum wins and is charged the clearing price, the other is refunded in full.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { look, reloadUntil } from "./support/reload-until";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const REGISTRY_ADMIN = `http://127.0.0.1:${Number(process.env.E2E_REGISTRY_PORT ?? 7100) + 1}`;
const PASSWORD = "demo-password-123";
const store = (slug: string, p = "/") => `http://${slug}.localhost:${PORT}${p}`;
// A fresh registry per server run, but a name of its own keeps a re-run against a reused server honest.
const NAME = `anvil${Date.now().toString(36)}.forge`;
// .forge's landrush ends 10 days after the registry's start (src/mock-registry/config/tlds.ts), so this
// journey runs before launch-sunrise.spec.ts moves the same registry's clock 21 days (files run in name order).
const PAST_LANDRUSH_END = { days: 11 };

async function signedIn(browser: Browser, slug: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(store(slug, "/sign-in?next=/account/landrush"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  // The path, not the whole URL: the sign-in page's own ?next= names the same path.
  await expect(page).toHaveURL((url) => url.pathname === "/account/landrush", { timeout: 30_000 });
  return page;
}

async function applyAndPay(page: Page, slug: string, maximum: string) {
  // The registry is asked about the name first (a trademark claims notice would show here), then the form.
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByRole("button", { name: "Check name" }).click();
  await expect(page.getByText(`Applying for ${NAME}`)).toBeVisible();
  await page.getByLabel("Your maximum").fill(maximum);
  // The registrant contact defaults to the one saved with the seeded domains.
  await expect(page.getByLabel("Use a saved contact")).not.toHaveValue("new");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await page.goto(store(slug, "/account/landrush"));
}

test("a landrush contest between two storefronts' registrants ends with one charged the clearing price and the other refunded", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const jane = await signedIn(browser, "acme", "jane@example.com");
  const sam = await signedIn(browser, "nimbus", "sam@example.com");
  const janeRow = jane.getByRole("listitem").filter({ hasText: NAME });
  const samRow = sam.getByRole("listitem").filter({ hasText: NAME });

  await applyAndPay(jane, "acme", "150.00");
  await applyAndPay(sam, "nimbus", "100.00");
  // Both applications must be at the registry before landrush ends, or the later one is refused.
  await reloadUntil(jane, () => look(janeRow).toContainText("Waiting for landrush to end"), 60_000);
  await reloadUntil(sam, () => look(samRow).toContainText("Waiting for landrush to end"), 60_000);
  await expect(janeRow).toContainText("Maximum $150.00");
  await expect(samRow).toContainText("Maximum $100.00");

  const res = await fetch(`${REGISTRY_ADMIN}/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(PAST_LANDRUSH_END),
  });
  expect(res.ok, await res.text()).toBe(true);

  // Jane's maximum was higher: the name is hers at the price Sam's maximum set, not at her own. Sam's
  // $100.00 at Nimbus (8 % premium rule, +5.00, whole units) is a sealed bid of 87.96 USD; that fee at
  // Acme's prices (15 %, +25 %, .99) is $126.99. Uncontested she would have paid $63.99.
  await reloadUntil(jane, () => look(janeRow).toContainText("Yours"), 150_000);
  await expect(janeRow).toContainText("Done");
  await expect(janeRow).toContainText("Charged $126.99");

  // Sam gets everything back.
  await reloadUntil(sam, () => look(samRow).toContainText("Refunded"), 60_000);
  await expect(samRow).toContainText("Another applicant bid more; refunded");
  await expect(samRow).not.toContainText("Charged");

  await jane.goto(store("acme", "/account/domains"));
  await expect(jane.getByRole("link", { name: NAME })).toBeVisible();
  await sam.goto(store("nimbus", "/account/domains"));
  await expect(sam.getByRole("heading", { name: "Your domains" })).toBeVisible();
  await expect(sam.getByRole("link", { name: NAME })).toHaveCount(0);
});
