/**
 * A registrant's passkey in the browser (docs/decisions/120-registrant-passkeys.md), with Chromium's
 * virtual authenticator: on the Nimbus storefront a customer turns on two-factor sign-in, adds a
 * passkey (its relying party is the storefront's host), signs out, signs in with password and
 * passkey instead of a code, and removes it. The customer is made for this journey alone (a tsx
 * child process, as decision 062 does), so no other journey's accounts change.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { totpCodeForStep, totpStepAt } from "../../src/server/auth/second-factor/totp";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const EMAIL = "passkey-journey@example.com";
const nimbus = (p: string) => `http://nimbus.localhost:${PORT}${p}`;
// The database scripts/e2e-server.ts made: on DATABASE_URL's server, or its own embedded cluster.
const E2E_DB = process.env.DATABASE_URL
  ? `${process.env.DATABASE_URL.replace(/\/[^/]*$/, "")}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`
  : `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5490}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`;

/** A Nimbus customer with a password and no second factor, as new each run. */
function makeCustomer(): void {
  const code = `
    await import(${JSON.stringify(path.resolve("src/server-only-outside-next.ts"))});
    const { db } = await import("@/server/db");
    const { hashPassword } = await import("@/server/auth/password");
    const reseller = await db.reseller.findUniqueOrThrow({ where: { slug: "nimbus" } });
    const passwordHash = await hashPassword(${JSON.stringify(PASSWORD)});
    const email = ${JSON.stringify(EMAIL)};
    const r = await db.registrant.upsert({
      where: { resellerId_email: { resellerId: reseller.id, email } },
      update: { passwordHash, disabledAt: null },
      create: { resellerId: reseller.id, email, name: "Pat Passkey", passwordHash },
    });
    await db.registrantTotp.deleteMany({ where: { registrantId: r.id } });
    await db.registrantPasskey.deleteMany({ where: { registrantId: r.id } });
    await db.$disconnect();
  `;
  // tsx's --eval runs nothing with top-level await, so the code goes to a temporary module.
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-setup-")), "customer.mts");
  writeFileSync(file, code);
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "--tsconfig", path.resolve("tsconfig.json"), file], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: E2E_DB },
    stdio: "inherit",
    timeout: 60_000,
  });
}

async function passwordStep(page: Page) {
  await page.goto(nimbus("/sign-in"));
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
}

test("a registrant adds a passkey, signs in with password and passkey, and removes it", async ({ page }) => {
  test.setTimeout(180_000);
  makeCustomer();
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
  await expect(page).toHaveURL(/\/account$/);
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await expect(passkeys.getByText("Turn on two-factor sign-in first")).toBeVisible();

  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel("6-digit code").fill(totpCodeForStep(secret, totpStepAt(Date.now())));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.reload();

  await expect(passkeys.getByText("No passkeys yet.")).toBeVisible();
  await passkeys.getByLabel("Name for the new passkey").fill("Pat's laptop");
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await expect(passkeys.getByText("Passkey added.")).toBeVisible();
  await page.reload();
  await expect(passkeys.getByLabel("Name of passkey “Pat's laptop”")).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).not.toHaveURL(/\/account/);
  await page.goto(nimbus("/account"));
  await expect(page).toHaveURL(/\/sign-in/);

  await passwordStep(page);
  await expect(page.getByRole("heading", { name: "Enter the 6-digit code" })).toBeVisible();
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page).toHaveURL(/\/account$/);

  page.once("dialog", (d) => void d.accept());
  await passkeys.getByRole("button", { name: "Remove" }).click();
  await expect(passkeys.getByText("No passkeys yet.")).toBeVisible();
});
