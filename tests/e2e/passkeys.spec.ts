/**
 * Passkeys in the browser (docs/decisions/096-passkeys.md), with Chromium's virtual authenticator:
 * a reseller owner adds a passkey on the account security page, signs in with it instead of a code,
 * removes it, and is no longer offered it. Uses the Nimbus owner, whom no other journey changes.
 */
import { expect, test, type Page } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const EMAIL = "owner@nimbus.test";
const consoleUrl = (path: string) => `http://localhost:${PORT}${path}`;

async function passwordStep(page: Page) {
  await page.goto(consoleUrl("/sign-in"));
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "Enter the 6-digit code" })).toBeVisible();
}

test("a reseller owner adds a passkey, signs in with it instead of a code, and removes it", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await passwordStep(page);
  // No passkey yet: only the code is offered.
  await expect(page.getByRole("button", { name: "Use a passkey instead" })).toHaveCount(0);
  await passSecondFactor(page, EMAIL);
  await expect(page).toHaveURL(/\/console$/);

  await page.goto(consoleUrl("/account/security"));
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await page.getByLabel("Name for the new passkey").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name of passkey “Test laptop”")).toBeVisible();

  await page.context().clearCookies();
  await passwordStep(page);
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page).toHaveURL(/\/console$/);

  await page.goto(consoleUrl("/account/security"));
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();

  await page.context().clearCookies();
  await passwordStep(page);
  await expect(page.getByRole("button", { name: "Use a passkey instead" })).toHaveCount(0);
});
