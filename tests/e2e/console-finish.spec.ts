/**
 * The consoles finished to the touch (issue 11, console half). At a phone's width (390 px) the
 * reseller console's domains page does not scroll sideways, the menu is a drawer naming the current
 * page, and the list comes before the filters; a failed form submission puts focus on the error
 * summary, with the field marked invalid; ids on the prices page are unique. Every console and
 * registrar page visited is checked with axe (WCAG 2.2 AA and best practice): no violations.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const consoleUrl = (path: string) => `http://localhost:${PORT}${path}`;

async function signIn(page: Page, email: string) {
  await page.goto(consoleUrl("/sign-in"));
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("the reseller console at 390 px: no sideways scroll, a menu drawer, the list first, focus on the error summary", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "owner@acme.test");

  await page.goto(consoleUrl("/console/domains"));
  await expect(page.getByRole("heading", { level: 1, name: "Domains" })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // The list before the filters: they fold behind a button, and the table starts on the first screen.
  await expect(page.getByRole("button", { name: "Filters and export" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Name starts with")).toBeHidden();
  const table = page.getByRole("table", { name: "Domains" });
  const box = await table.boundingBox();
  expect(box?.y ?? Infinity).toBeLessThan(844);
  await expectNoAxeViolations(page);

  // The menu is a drawer whose button names the current page.
  const menu = page.getByRole("button", { name: /Menu/ });
  await expect(menu).toContainText("Domains");
  await expect(page.getByRole("link", { name: "Prices" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Domains", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Prices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prices" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Menu/ })).toContainText("Prices");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Two forms ask for a product, an operation and an amount: each field has its own id and label.
  const duplicateIds = await page.evaluate(() => {
    const ids = Array.from(document.querySelectorAll("[id]"), (el) => el.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(duplicateIds).toEqual([]);
  await expect(page.locator("#promotion-amount")).toHaveAttribute("aria-required", "true");
  await expectNoAxeViolations(page);

  // A failed submission, checked in the browser: focus lands on the summary, the field says why.
  const promotions = page.locator("form").filter({ has: page.getByRole("button", { name: "Add promotion" }) });
  await promotions.getByRole("button", { name: "Add promotion" }).click();
  const summary = promotions.locator("[data-error-summary]");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Price");
  await expect(page.locator("#promotion-amount")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#promotion-amount")).toHaveAttribute("aria-describedby", /promotion-amount-error/);
  await expectNoAxeViolations(page);

  // A failed submission answered by the server: the same summary, focused again.
  const price = page.locator("form").filter({ has: page.getByRole("button", { name: "Save price" }) });
  await price.locator("#price-amount").fill("twelve");
  await price.getByRole("button", { name: "Save price" }).click();
  await expect(price.locator("[data-error-summary]")).toBeFocused();

  for (const path of ["/console", "/console/orders", "/console/customers", "/console/billing"]) {
    await page.goto(consoleUrl(path));
    await expect(page.locator("h1")).toBeVisible();
    expect(await horizontalOverflow(page), `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }

  // Staff reach their password from every console page; the platform answers for its icon.
  await page.getByRole("link", { name: "Password and sessions" }).click();
  await expect(page.getByRole("heading", { name: "Password and sessions" })).toBeVisible();
  await expectNoAxeViolations(page);
  const icon = await page.request.get(consoleUrl("/favicon.ico"));
  expect(icon.status()).toBe(200);
});

test("the registrar console's pages pass axe", async ({ page }) => {
  await signIn(page, "admin@registrar.test");
  for (const path of ["/registrar", "/registrar/resellers", "/registrar/domains", "/registrar/orders"]) {
    await page.goto(consoleUrl(path));
    await expect(page.locator("h1")).toBeVisible();
    await expectNoAxeViolations(page);
  }
  // One reseller's page, with its status history in sentences.
  await page.goto(consoleUrl("/registrar/resellers"));
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/registrar\/resellers\/[0-9a-f-]{36}/);
  await expect(page.locator("h1")).toBeVisible();
  await expectNoAxeViolations(page);
});
