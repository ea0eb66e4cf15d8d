/**
 * The second step of a demo staff sign-in in the browser: the code is computed from the account's
 * fixed demo secret (prisma/seed/tenancy-data.ts). The server accepts each time step once per
 * account, and one step either side of now, so a second sign-in of the same account within a step
 * uses the next step's code, and a third waits for the step to move on. The steps used are kept in a
 * file of the run's output folder (emptied when a run starts), because Playwright replaces its worker
 * process after a failed test and the server still remembers what the old worker used.
 */
import { expect, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_TOTP_SECRETS } from "../../../prisma/seed/tenancy-data";
import { totpCodeForStep, totpStepAt } from "../../../src/server/auth/second-factor/totp";

const usedStepsFile = path.resolve("test-results", ".totp-used-steps.json");

function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(usedStepsFile, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

const usedStep = {
  get: (email: string): number | undefined => readUsedSteps()[email],
  set(email: string, step: number) {
    mkdirSync(path.dirname(usedStepsFile), { recursive: true });
    writeFileSync(usedStepsFile, JSON.stringify({ ...readUsedSteps(), [email]: step }));
  },
};

async function unusedCode(email: string, secret: string): Promise<string> {
  for (;;) {
    const now = totpStepAt(Date.now());
    const step = Math.max(now, (usedStep.get(email) ?? now - 1) + 1);
    if (step <= now + 1) {
      usedStep.set(email, step);
      return totpCodeForStep(secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 200));
  }
}

/** A code of the demo account's authenticator that the server has not accepted yet. */
export function demoCode(email: string): Promise<string> {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) throw new Error(`${email} has no demo TOTP secret`);
  return unusedCode(email, secret);
}

/** After the password of a demo account: fills "Enter the 6-digit code" if the account has a second factor. */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  if (!DEMO_TOTP_SECRETS[email]) return;
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.getByLabel("Code", { exact: true }).fill(await demoCode(email));
  await page.getByRole("button", { name: "Continue" }).click();
}
