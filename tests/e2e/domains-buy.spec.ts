/**
 * A registrant buys domains on a branded storefront: searches a label, sees Acme's prices (Nimbus
 * shows its own for the same search), buys two names, pays with the test provider and watches the
 * order complete. Runs against the seed (Acme: Standard tier, 25% markup to .99; Nimbus: Volume tier,
 * 5.00 fixed markup rounded up to whole units) and the mock registry on the e2e server.
 */
import { expect, test, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const storefrontUrl = (slug: string, path = "/") => `http://${slug}.localhost:${PORT}${path}`;

function row(page: Page, name: string) {
  return page.locator(`[data-testid=search-result][data-name="${name}"]`);
}

test("a registrant on Acme buys two names and watches the order complete; Nimbus shows its own prices", async ({
  page,
}) => {
  const label = `e2e-${Date.now().toString(36)}`;

  // Same search, other storefront: Nimbus's prices (.com wholesale 11.09 + 5.00, rounded up to 17.00).
  await page.goto(storefrontUrl("nimbus", `/search?q=${label}`));
  await expect(row(page, `${label}.com`).getByTestId("price")).toHaveText("$17.00");

  await page.goto(storefrontUrl("acme", "/sign-in"));
  await page.getByLabel("Email").fill("jane@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/account/);

  await page.goto(storefrontUrl("acme", "/"));
  await page.getByRole("searchbox", { name: "Domain name to search for" }).fill(label);
  await page.getByRole("button", { name: "Search domains" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  // Acme: .com wholesale 12.32, +25%, rounded to .99.
  const com = row(page, `${label}.com`);
  await expect(com.getByTestId("price")).toHaveText("$15.99");
  await expect(com.getByText("Available")).toBeVisible();
  await expect(page.locator("[data-testid=search-result]")).toHaveCount(11);

  await com.getByRole("button", { name: "Add to cart" }).click();
  // The page refreshes with the cart cookie: the row now links to the cart.
  await expect(com.getByRole("link", { name: "In cart" })).toBeVisible();
  const net = row(page, `${label}.net`);
  await net.getByRole("button", { name: "Add to cart" }).click();
  await expect(net.getByRole("link", { name: "In cart" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart (2)" })).toBeVisible();

  await page.goto(storefrontUrl("acme", "/cart"));
  await expect(page.getByTestId("cart-item")).toHaveCount(2);
  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByTestId("checkout-line")).toHaveCount(2);

  const contactChoice = page.getByLabel("Use a saved contact");
  if (await contactChoice.count()) await contactChoice.selectOption("new");
  await page.getByLabel("Full name").fill("Jane Doe");
  await page.getByLabel("Email").fill("jane@example.com");
  await page.getByLabel(/^Phone/).fill("+1.5555550123");
  await page.getByLabel("Street address").fill("1 Main Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State or province").fill("IL");
  await page.getByLabel("Postal code").fill("62701");
  await page.getByLabel("Country", { exact: true }).selectOption("US");
  await page.getByRole("button", { name: /Place order and pay/ }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  const orderId = /\/orders\/([0-9a-f-]+)\//.exec(page.url())?.[1];
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();

  await page.goto(storefrontUrl("acme", `/orders/${orderId}`));
  await expect(page.getByTestId("order-summary")).toHaveText("Your order has finished.", { timeout: 30_000 });
  await expect(page.locator("[data-testid=order-item][data-state=completed]")).toHaveCount(2);
});
