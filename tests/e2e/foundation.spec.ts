/**
 * The foundation journeys: branded storefronts per host, the unknown-host 404, a reseller owner's
 * colour change reaching the storefront, registrant sessions bound to one storefront, and the
 * registrar approving an application and suspending the new reseller. Runs against the seed.
 */
import { expect, test, type Page } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const consoleUrl = (path: string) => `http://localhost:${PORT}${path}`;
const storefrontUrl = (slug: string, path = "/") => `http://${slug}.localhost:${PORT}${path}`;

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const headerColour = (page: Page) =>
  page
    .locator("header")
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

test("each storefront shows its own name, colours and font", async ({ page }) => {
  await page.goto(storefrontUrl("acme"));
  await expect(page.getByRole("link", { name: "Acme Domains home" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Friendly domain names for small businesses.");
  expect(await headerColour(page)).toBe("rgb(29, 78, 216)");
  await expect(page.getByRole("searchbox", { name: "Domain name to search for" })).toBeVisible();
  await expect(page.getByText("Example Registrar, Inc., IANA ID 9999")).toBeVisible();

  await page.goto(storefrontUrl("nimbus"));
  await expect(page.getByRole("link", { name: "Nimbus Names home" })).toBeVisible();
  await expect(page.getByText("Acme Domains")).toHaveCount(0);
  expect(await headerColour(page)).toBe("rgb(20, 83, 45)");
  const font = await page.locator("[data-storefront=nimbus]").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain("Georgia");
});

test("an unknown host gets the page that says no storefront lives there", async ({ page }) => {
  const response = await page.goto(storefrontUrl("nobody-here"));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No storefront lives at this address" })).toBeVisible();
});

test("a reseller owner changes a colour and the storefront shows it", async ({ page }) => {
  await signIn(page, consoleUrl("/sign-in"), "owner@acme.test");
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(consoleUrl("/console/branding"));
  const primary = page.getByRole("textbox", { name: "Primary colour", exact: true });
  await primary.fill("#7c2d12");
  await expect(page.getByTestId("brand-preview").locator("div").first()).toHaveCSS(
    "background-color",
    "rgb(124, 45, 18)",
  );
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Saved. Your storefront shows the new look now.")).toBeVisible();

  await page.goto(storefrontUrl("acme"));
  expect(await headerColour(page)).toBe("rgb(124, 45, 18)");

  // Put the seed's colour back so other journeys see Acme as seeded.
  await page.goto(consoleUrl("/console/branding"));
  await page.getByRole("textbox", { name: "Primary colour", exact: true }).fill("#1d4ed8");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Saved. Your storefront shows the new look now.")).toBeVisible();
});

test("a registrant signed in on Acme is not signed in on Nimbus", async ({ page }) => {
  await signIn(page, storefrontUrl("acme", "/sign-in"), "jane@example.com");
  await page.goto(storefrontUrl("acme"));
  await expect(page.getByText("Signed in as Jane Doe")).toBeVisible();

  await page.goto(storefrontUrl("nimbus"));
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
  await page.goto(storefrontUrl("nimbus", "/account"));
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a registrar admin approves an application and suspends the new reseller", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, consoleUrl("/sign-in"), "admin@registrar.test");
  await expect(page).toHaveURL(/\/registrar$/);

  await page.goto(consoleUrl("/registrar/applications?status=pending"));
  await page.getByRole("button", { name: "Approve Orbit Web Services Ltd" }).click();
  await expect(
    page.getByText("Application approved. The owner invitation to olivia@orbit.test is in the mail outbox."),
  ).toBeVisible();
  const resellerPage = page.url();
  await page.goto(consoleUrl("/registrar/mail"));
  await expect(page.getByText("To olivia@orbit.test · invitation")).toBeVisible();
  // Security finding 01: the invitation's link goes to Olivia's mailbox only, never to this page.
  await page.getByText("To olivia@orbit.test · invitation").click();
  await expect(page.getByText("[link sent only to the recipient]").first()).toBeVisible();
  expect(await page.content()).not.toMatch(/\/invitation\/[\w-]{8,}/);

  await page.goto(storefrontUrl("orbit"));
  await expect(page.getByRole("link", { name: "Orbit Web Services Ltd home" })).toBeVisible();

  await page.goto(resellerPage);
  await page.getByLabel("Reason (the reseller sees it)").fill("Company registration could not be confirmed.");
  await page.getByRole("button", { name: "Suspend reseller" }).click();
  await expect(page.getByRole("button", { name: "Reactivate reseller" })).toBeVisible();

  await page.goto(storefrontUrl("orbit"));
  await expect(page.getByText("Orbit Web Services Ltd is temporarily unavailable")).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveCount(0);
});

test("console and storefront pages refuse to be framed and carry a content security policy", async ({ page }) => {
  for (const url of [storefrontUrl("acme"), consoleUrl("/sign-in")]) {
    const res = await page.goto(url);
    const h = res!.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBeTruthy();
  }
});
