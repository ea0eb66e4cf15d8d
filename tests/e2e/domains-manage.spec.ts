/**
 * Managing domains in the browser. (a) A registrant on Acme buys a name on the storefront, renews it
 * (paid at checkout), changes its name servers and edits the registrant's phone. (b) Acme's owner
 * bulk-renews 20 names and watches the progress bar reach the end with a result per name.
 *
 * The 20 names of (b) are registered before the test through the platform's own order service
 * (placeDomainOrder, paid from Acme's balance, fulfilled by the e2e server's worker against the mock
 * registry): the storefront cart takes them one search row at a time, which would make this test
 * about searching. The setup runs in a tsx child process because the generated Prisma client is ESM
 * and Playwright loads specs as CommonJS (docs/decisions/062-e2e-domain-setup.md).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const consoleUrl = (path: string) => `http://localhost:${PORT}${path}`;
const storefrontUrl = (slug: string, path = "/") => `http://${slug}.localhost:${PORT}${path}`;
// The database scripts/e2e-server.ts made: on DATABASE_URL's server, or its own embedded cluster.
const E2E_DB = process.env.DATABASE_URL
  ? `${process.env.DATABASE_URL.replace(/\/[^/]*$/, "")}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`
  : `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5490}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`;

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Registers `names` for Acme through the order service and waits until fulfilment made them active. */
function registerForAcme(names: string[]): void {
  const code = `
    await import(${JSON.stringify(path.resolve("src/server-only-outside-next.ts"))}); // server modules outside Next
    const { db } = await import("@/server/db");
    const { placeDomainOrder } = await import("@/server/domains/checkout/place-domain-order");
    const names = ${JSON.stringify(names)};
    const reseller = await db.reseller.findUniqueOrThrow({ where: { slug: "acme" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@acme.test" } });
    const ctx = { kind: "user", actorId: owner.id, resellerId: reseller.id, role: "owner" };
    const contact = { name: "Acme Portfolio", organization: "Acme", email: "portfolio@acme.test", phone: "+1.5555550100", street1: "1 Main Street", street2: "", city: "Springfield", state: "IL", postalCode: "62701", countryCode: "US" };
    await placeDomainOrder(ctx, { resellerId: reseller.id, payment: "balance", idempotencyKey: "e2e-bulk-" + names[0], nameservers: null, contact, items: names.map((name) => ({ name, kind: "register", years: 1, privacy: false })) });
    const until = Date.now() + 90_000;
    while ((await db.domain.count({ where: { name: { in: names }, state: "active" } })) < names.length) {
      if (Date.now() > until) throw new Error("the 20 names were not registered in time");
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log("e2e setup: " + names.length + " names active for Acme");
    await db.$disconnect();
    // The registry session pool would keep the process alive.
    process.exit(0);
  `;
  // tsx's --eval runs nothing with top-level await, so the code goes to a temporary module.
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-setup-")), "register.mts");
  writeFileSync(file, code);
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "--tsconfig", path.resolve("tsconfig.json"), file], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: E2E_DB,
      REGISTRY_EPP_PORT: process.env.E2E_REGISTRY_PORT ?? "7100",
      CONSOLE_HOST: `localhost:${PORT}`,
      STOREFRONT_BASE_DOMAIN: `localhost:${PORT}`,
    },
    stdio: "inherit",
    timeout: 120_000,
  });
}

test("a registrant on Acme buys a name, renews it, changes its name servers and edits its registrant's phone", async ({
  page,
}) => {
  const name = `e2e-manage-${Date.now().toString(36)}.com`;
  await signIn(page, storefrontUrl("acme", "/sign-in"), "jane@example.com");

  await page.goto(storefrontUrl("acme", `/search?q=${name.replace(/\.com$/, "")}`));
  const row = page.locator(`[data-testid=search-result][data-name="${name}"]`);
  await row.getByRole("button", { name: "Add to cart" }).click();
  await expect(row.getByRole("link", { name: "In cart" })).toBeVisible();
  await page.goto(storefrontUrl("acme", "/cart"));
  await page.getByRole("link", { name: "Check out" }).click();
  // Jane has a saved contact when an earlier test bought for her; otherwise she enters one.
  await expect(page.getByRole("group", { name: "Registrant contact" })).toBeVisible();
  if (!(await page.getByLabel("Use a saved contact").count())) {
    await page.getByLabel("Full name").fill("Jane Doe");
    await page.getByLabel("Email").fill("jane@example.com");
    await page.getByLabel(/^Phone/).fill("+1.5555550123");
    await page.getByLabel("Street address").fill("1 Main Street");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("State or province").fill("IL");
    await page.getByLabel("Postal code").fill("62701");
    await page.getByLabel("Country", { exact: true }).selectOption("US");
  }
  await page.getByRole("button", { name: /Place order and pay/ }).click();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();

  // The new name in the account, once fulfilment has registered it.
  await expect(async () => {
    await page.goto(storefrontUrl("acme", "/account/domains"));
    await page.getByRole("link", { name }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const expiryYear = Number(/Expires (\d{4})/.exec(await page.locator("main").innerText())?.[1]);

  // Renew: an order paid at checkout, then the registry's new expiry on the page.
  await page.getByRole("button", { name: "Renew", exact: true }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expect(async () => {
    await page.goto(storefrontUrl("acme", "/account/domains"));
    await page.getByRole("link", { name }).click({ timeout: 2_000 });
    // On the name's own page: the account list shows the demo names' expiries too.
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 2_000 });
    await expect(page.getByText(`Expires ${expiryYear + 1}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // Name servers: the registry's answer in words.
  await page.getByLabel("Name servers").fill("ns1.e2e-dns.example\nns2.e2e-dns.example");
  await page.getByRole("button", { name: "Save name servers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name servers updated" })).toContainText(
    "The registry completed the request",
  );
  await page.reload();
  await expect(page.getByLabel("Name servers")).toHaveValue(/ns1\.e2e-dns\.example\s+ns2\.e2e-dns\.example/);

  // The registrant's phone: not a change of registrant, and .com keeps no contacts at the registry.
  const registrant = page.getByTestId("contact-registrant");
  await registrant.getByText("Edit registrant contact").click();
  await registrant.getByLabel(/^Phone/).fill("+1.5555550999");
  await registrant.getByRole("button", { name: "Save registrant contact" }).click();
  await expect(registrant.getByRole("status")).toContainText(
    "Registrant contact updated. No registry command was needed",
  );
  await page.reload();
  await expect(page.getByTestId("contact-registrant")).toContainText("+1.5555550999");
});

test("a reseller owner bulk-renews 20 names and watches the progress bar reach the end", async ({ page }) => {
  test.setTimeout(180_000);
  const prefix = `e2e-bulk-${Date.now().toString(36)}`;
  const names = Array.from({ length: 20 }, (_, i) => `${prefix}-${i + 1}.com`);
  registerForAcme(names);

  await signIn(page, consoleUrl("/sign-in"), "owner@acme.test");
  await page.goto(consoleUrl("/console/bulk"));
  await page.getByLabel("Action").selectOption("renew");
  await page.getByLabel("Years").selectOption("1");
  await page.getByLabel("Domain names (one per line)").fill(names.join("\n"));
  await page.getByRole("button", { name: "Start bulk action" }).click();
  await expect(page).toHaveURL(/\/console\/bulk\/[0-9a-f-]+/);

  const bar = page.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuemax", "20");
  await expect(bar).toHaveAttribute("aria-valuenow", "20", { timeout: 90_000 });
  await expect(page.getByText("Finished 20 of 20")).toBeVisible();
  await expect(page.getByText("20 succeeded · 0 failed")).toBeVisible();
  const table = page.getByRole("table", { name: "Result per name" });
  for (const n of names)
    await expect(table.getByRole("row", { name: new RegExp(n.replace(/\./g, "\\.")) })).toContainText(/succeeded/i);
});
