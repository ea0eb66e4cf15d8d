/**
 * Two-factor sign-in in the browser: a registrar auditor (whose role requires a second factor) turns
 * theirs off, is taken through setting up a new authenticator at the next sign-in, and sees the
 * recovery codes once before reaching the console. Uses the auditor, whom no other journey signs in.
 */
import { expect, test } from "@playwright/test";
import { totpCodeForStep, totpStepAt } from "../../src/server/auth/second-factor/totp";
import { demoCode, passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const EMAIL = "auditor@registrar.test";
const consoleUrl = (path: string) => `http://localhost:${PORT}${path}`;

test("a registrar auditor without a second factor must set one up before reaching the console", async ({ page }) => {
  await page.goto(consoleUrl("/sign-in"));
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "Enter the 6-digit code" })).toBeVisible();
  await passSecondFactor(page, EMAIL);
  await expect(page).toHaveURL(/\/registrar$/);

  await page.goto(consoleUrl("/account/security"));
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel("Code", { exact: true }).fill(await demoCode(EMAIL));
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByTestId("totp-secret")).toBeVisible();

  await page.context().clearCookies();
  await page.goto(consoleUrl("/sign-in"));
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor-setup/);
  // No session yet: the console sends this browser back to sign in.
  await page.goto(consoleUrl("/registrar"));
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(consoleUrl("/sign-in/two-factor-setup"));

  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await expect(page.getByTestId("totp-uri")).toHaveAttribute("href", new RegExp(`^otpauth://totp/.*secret=${secret}`));
  await page.getByLabel("6-digit code").fill(totpCodeForStep(secret, totpStepAt(Date.now())));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "I have saved them: continue" }).click();
  await expect(page).toHaveURL(/\/registrar$/);
});
