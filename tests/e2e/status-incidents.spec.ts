/**
 * Status and incidents in the browser (issue 14): a registrar admin publishes an incident, Acme's
 * owner sees its banner on every console page, the public status page shows it, and once the admin
 * resolves it the banner is gone from the console.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const consoleUrl = (p: string) => `http://localhost:${PORT}${p}`;
const TITLE = `Card payments failing ${Date.now().toString(36)}`;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(consoleUrl("/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test("an incident the registrar publishes shows in reseller consoles and on the status page until it is resolved", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "admin@registrar.test");
  await admin.goto(consoleUrl("/registrar"));
  await admin.getByRole("link", { name: "Incidents", exact: true }).click();
  await admin.getByLabel("Title").fill(TITLE);
  await admin.getByLabel("Severity").selectOption("major");
  await admin.getByLabel("Payments", { exact: true }).check();
  await admin.getByLabel("What customers notice").fill("Some card payments are refused at checkout.");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Publish the incident" }).click();
  await expect(admin.getByRole("heading", { name: TITLE })).toBeVisible({ timeout: 30_000 });

  const owner = await signedIn(browser, "owner@acme.test");
  await owner.goto(consoleUrl("/console/domains"));
  const banner = owner.getByRole("status").filter({ hasText: TITLE });
  await expect(banner).toBeVisible();
  await banner.getByRole("link", { name: "Follow it on the status page" }).click();
  await expect(owner).toHaveURL(/\/status$/);
  await expect(owner.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(owner.getByLabel("Payments: Degraded")).toBeVisible();
  await expect(owner.getByText("Some card payments are refused at checkout.")).toBeVisible();

  await admin.getByLabel("What was fixed").fill("Payments are taken normally again.");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Resolve the incident" }).click();
  // The button reads "Working…" while the action runs: wait for the resolution in the timeline instead.
  await expect(admin.getByText("Payments are taken normally again.")).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByRole("button", { name: "Resolve the incident" })).toHaveCount(0);

  await owner.goto(consoleUrl("/console"));
  await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(owner.getByText(TITLE)).toHaveCount(0);
  await owner.goto(consoleUrl("/status"));
  await expect(owner.getByRole("region", { name: "Resolved in the last 14 days" }).getByText(TITLE)).toBeVisible();
});
