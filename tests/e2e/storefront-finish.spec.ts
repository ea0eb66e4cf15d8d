/**
 * The storefront finished to the touch (issue 11, storefront half). A registrant on Acme buys a name
 * with the keyboard alone, focus checked after every action, and goes from the receipt to the
 * domain's page by links; a visitor adds three names from bulk search to the cart in one action;
 * and a walk of every storefront page a registrant can reach finds no axe violation (WCAG 2.2 AA and
 * best practice) and no environment variable, EPP result code, UUID or enum name on the page.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const acme = (path = "/") => `http://acme.localhost:${PORT}${path}`;

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, direction: "forward" | "back" = "forward", max = 120) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(direction === "forward" ? "Tab" : "Shift+Tab");
  }
  throw new Error(`Tab never reached ${target.toString()} on ${page.url()}`);
}

/** After an action focus is somewhere a keyboard user can go on from, never dropped to <body>. */
async function expectFocusKept(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.activeElement !== document.body && !!document.activeElement?.isConnected))
    .toBe(true);
}

// Words of the code, not of the people reading the page.
const INTERNAL_WORDS: [string, RegExp][] = [
  ["an environment variable", /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/],
  ["an EPP result code", /\b(1000|1001|1300|1301|1500|200[0-5]|210[0-6]|220[0-2]|230[0-8]|2400|250[0-2])\b/],
  ["a UUID", /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ["an enum name (snake_case)", /\b[a-z]+_[a-z_]+\b/],
  ["an enum name (camelCase)", /\b[a-z]+[A-Z][A-Za-z]*\b/],
];

async function expectPlainWords(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const [what, pattern] of INTERNAL_WORDS) {
    const match = pattern.exec(text);
    expect(match?.[0], `${what} on ${page.url()}`).toBeUndefined();
  }
}

async function checkPage(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectPlainWords(page);
}

async function signInWithKeyboard(page: Page, email: string) {
  await page.goto(acme("/sign-in"));
  await checkPage(page);
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expectFocusKept(page);
}

test("a keyboard-only purchase on Acme, focus kept after every action; receipt to domain page by links", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const label = `kb-${Date.now().toString(36)}`;
  const name = `${label}.com`;
  await signInWithKeyboard(page, "jane@example.com");

  // Search from the home page's box.
  await page.goto(acme("/"));
  await checkPage(page);
  await tabTo(page, page.getByRole("searchbox", { name: "Domain name to search for" }));
  await page.keyboard.type(label);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  // A search is a new document: the first Tab offers the skip link, as on any page load.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await checkPage(page);

  // Add to cart: the row turns into "In cart", and the page says so where focus now is.
  const row = page.locator(`[data-testid=search-result][data-name="${name}"]`);
  await tabTo(page, row.getByRole("button", { name: "Add to cart" }));
  await page.keyboard.press("Enter");
  await expect(row.getByRole("link", { name: "In cart" })).toBeVisible();
  await expect(page.locator("#page-announcer")).toBeFocused();
  await expect(page.locator("#page-announcer")).toHaveText("Added to your cart.");
  const cartLink = page.getByRole("banner").getByRole("link", { name: "Cart (1)" });
  await expect(cartLink).toBeVisible();

  // The cart: price per name, years and privacy saved as they change, the total following.
  await tabTo(page, cartLink, "back");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cart$/);
  await expectFocusKept(page);
  await checkPage(page);
  const total = page.getByTestId("cart-total");
  const oneYear = await total.innerText();
  const years = page.getByLabel("Years", { exact: true });
  await tabTo(page, years);
  await page.keyboard.press("ArrowDown");
  await expect(years).toHaveValue("2");
  await expect(page.getByText("Saved. The price and the total are updated.")).toBeVisible();
  await expect(years).toBeFocused();
  await expect(total).not.toHaveText(oneYear);
  const twoYears = await total.innerText();
  const privacy = page.getByRole("checkbox", { name: /^Privacy,/ });
  await tabTo(page, privacy);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("cart-item-price")).toContainText("privacy");
  await expect(privacy).toBeFocused();
  await expect(total).not.toHaveText(twoYears);
  const cartTotal = await total.innerText();
  await checkPage(page);

  // Checkout: Jane's saved contact is already chosen; nothing to type.
  await tabTo(page, page.getByRole("link", { name: "Check out" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await expectFocusKept(page);
  await checkPage(page);
  await expect(page.getByLabel("Use a saved contact")).not.toHaveValue("new");
  await expect(page.getByTestId("checkout-total")).toHaveText(cartTotal);
  await tabTo(page, page.getByRole("button", { name: /Place order and pay/ }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  const orderId = /\/orders\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? "";
  await expectFocusKept(page);
  await checkPage(page);
  await tabTo(page, page.getByRole("button", { name: "Continue to payment" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Test checkout" })).toBeVisible();
  await expectFocusKept(page);
  await checkPage(page);
  await tabTo(page, page.getByRole("button", { name: "Pay (test)" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expectFocusKept(page);
  await checkPage(page);
  await expect(page.getByText(`Order #${orderId.replaceAll("-", "").slice(0, 8).toUpperCase()}`)).toBeVisible();

  // The order finishes; from its page to the receipt and on to the domain, by links alone.
  await page.goto(acme(`/orders/${orderId}`));
  await expect(page.getByTestId("order-summary")).toHaveText("Your order has finished.", { timeout: 45_000 });
  await checkPage(page);
  await tabTo(page, page.getByRole("link", { name: "Receipt" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expectFocusKept(page);
  const lineLink = page.getByRole("table").getByRole("link", { name }).first();
  await expect(lineLink).toHaveAttribute("href", /\/account\/domains\/[0-9a-f-]+$/);
  await tabTo(page, page.getByRole("link", { name: "Your domains" }).last());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your domains" })).toBeVisible();
  await expectFocusKept(page);
  await checkPage(page);
  await tabTo(page, page.getByRole("link", { name, exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The list's rows are plain links (decision 110): a new document, so the first Tab offers the skip link.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await checkPage(page);

  // And straight from the receipt's line to the same page.
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await tabTo(page, page.getByRole("table").getByRole("link", { name }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("bulk search adds three available names to the cart in one action", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const names = [`bulk-a-${stamp}.com`, `bulk-b-${stamp}.net`, `bulk-c-${stamp}.org`];
  await page.goto(acme("/bulk-search"));
  await checkPage(page);
  // Three new names and one that is not a name at all: "add all" takes the three.
  await page.getByLabel(/^Names, one per line/).fill([...names, "-not-a-name-.com"].join("\n"));
  await page.getByRole("button", { name: "Check names" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Checked \d+ names\./ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("bulk-row")).toHaveCount(4);
  await checkPage(page);

  await page.getByRole("button", { name: "Add all 3 available names to your cart" }).click();
  const done = page.locator("[data-confirmation]").filter({ hasText: "Added 3 names to your cart." });
  await expect(done).toBeFocused();
  await expect(page.getByRole("banner").getByRole("link", { name: "Cart (3)" })).toBeVisible();

  await done.getByRole("link", { name: "Go to your cart" }).click();
  await expect(page.getByTestId("cart-item")).toHaveCount(3);
  for (const n of names) await expect(page.locator(`[data-testid=cart-item][data-name="${n}"]`)).toBeVisible();
  await expect(page.getByTestId("cart-total")).toHaveText(/\$\d/);
  await checkPage(page);
});

test("every storefront page a registrant reaches: no axe violations, no internal words", async ({ page }) => {
  test.setTimeout(180_000);
  // Signed out first: the cached pages and the way in.
  for (const path of [
    "/",
    "/terms",
    "/privacy",
    "/sign-in",
    "/register",
    "/forgot-password",
    "/abuse",
    "/data-request",
  ]) {
    await page.goto(acme(path));
    await checkPage(page);
  }
  await page.goto(acme("/search?q=walk-about"));
  await checkPage(page);

  await signInWithKeyboard(page, "jane@example.com");
  for (const path of ["/account", "/account/domains", "/orders", "/bulk-search", "/cart", "/search?q=walk-about"]) {
    await page.goto(acme(path));
    await checkPage(page);
  }

  // Every domain's page and every order's pages, reached by the links on the lists.
  await page.goto(acme("/account/domains"));
  const domainLinks = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/account\/domains\/[0-9a-f-]+$/.test(h)),
    );
  expect(domainLinks.length).toBeGreaterThan(0);
  for (const href of domainLinks) {
    await page.goto(acme(href));
    await checkPage(page);
  }
  await page.goto(acme("/orders"));
  const orderLinks = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/orders\/[0-9a-f-]+$/.test(h)),
    );
  expect(orderLinks.length).toBeGreaterThan(0);
  for (const href of orderLinks.slice(0, 4)) {
    await page.goto(acme(href));
    await checkPage(page);
    await page.goto(acme(`${href}/receipt`));
    await checkPage(page);
  }

  // A cart with a name in it, and its checkout.
  await page.goto(acme("/search?q=walk-about"));
  await page
    .locator('[data-testid=search-result][data-name="walk-about.com"]')
    .getByRole("button", { name: "Add to cart" })
    .click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Cart (1)" })).toBeVisible();
  for (const path of ["/cart", "/checkout"]) {
    await page.goto(acme(path));
    await checkPage(page);
  }
});
