/**
 * Compliance in the browser (issue 14). (a) Jane turns privacy on for her .org name on Acme's
 * storefront, and an anonymous RDAP lookup then names the privacy service with a relay address, not
 * Jane. (b) The registrar admin opens Acme's health page and acknowledges an open abuse report from
 * it. (c) A new agreement version is published and Acme's owner accepts it from the console banner.
 *
 * The abuse report and the agreement version are made before the tests through the platform's own
 * services in a tsx child process (docs/decisions/062-e2e-domain-setup.md): the report's public
 * form and the publishing form are not what these tests are about.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { passSecondFactor } from "./support/second-factor";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const consoleUrl = (p: string) => `http://localhost:${PORT}${p}`;
const storefrontUrl = (slug: string, p = "/") => `http://${slug}.localhost:${PORT}${p}`;
const E2E_DB = process.env.DATABASE_URL
  ? `${process.env.DATABASE_URL.replace(/\/[^/]*$/, "")}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`
  : `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 5490}/${process.env.E2E_DB_NAME ?? "registrar_e2e"}`;
const PRIVATE_NAME = "janedoe.org";
const REPORTED_NAME = "janedoe-studio.com";
const VERSION = `e2e-${Date.now().toString(36)}`;

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Runs `body` against the e2e database with the platform's services; prints what it returns. */
function runSetup(body: string): string {
  const code = `
    await import(${JSON.stringify(path.resolve("src/server-only-outside-next.ts"))});
    const { db } = await import("@/server/db");
    const out = await (async () => { ${body} })();
    console.log(JSON.stringify(out));
    await db.$disconnect();
    process.exit(0);
  `;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-setup-")), "setup.mts");
  writeFileSync(file, code);
  const stdout = execFileSync(
    process.execPath,
    [require.resolve("tsx/cli"), "--tsconfig", path.resolve("tsconfig.json"), file],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: E2E_DB,
        REGISTRY_EPP_PORT: process.env.E2E_REGISTRY_PORT ?? "7100",
        CONSOLE_HOST: `localhost:${PORT}`,
        STOREFRONT_BASE_DOMAIN: `localhost:${PORT}`,
      },
      timeout: 60_000,
    },
  ).toString();
  return stdout.trim().split("\n").at(-1) ?? "";
}

test("a registrant turns privacy on and RDAP shows the privacy service instead of them", async ({ page }) => {
  await signIn(page, storefrontUrl("acme", "/sign-in"), "jane@example.com");
  await page.goto(storefrontUrl("acme", "/account/domains"));
  await page.getByRole("link", { name: PRIVATE_NAME, exact: true }).click();
  await page.getByRole("button", { name: "Turn privacy on" }).click();
  await expect(page.getByText(/Privacy is on: public lookups show our privacy service/)).toBeVisible();

  // Anonymous: no cookie of the storefront goes to the console host.
  const res = await page.request.get(consoleUrl(`/rdap/domain/${PRIVATE_NAME}`), {
    headers: { accept: "application/rdap+json" },
  });
  expect(res.status()).toBe(200);
  const text = await res.text();
  const body = JSON.parse(text) as {
    entities: { roles: string[]; status?: string[]; vcardArray: [string, unknown[][]] }[];
  };
  const registrant = body.entities.find((e) => e.roles.includes("registrant"));
  const prop = (name: string) => registrant?.vcardArray[1].find((p) => p[0] === name)?.[3];
  expect(prop("fn")).toMatch(/Privacy Service$/);
  expect(String(prop("email"))).toMatch(/^privacy\+[\w-]+@/);
  expect(registrant?.status).toEqual(["proxy"]);
  expect(text).not.toContain("Jane Doe");
  expect(text).not.toContain("jane@example.com");
});

test("a registrar admin opens a reseller's health page and acknowledges an abuse report from it", async ({ page }) => {
  const { reference, resellerId } = JSON.parse(
    runSetup(`
      const { submitAbuseReport } = await import("@/server/abuse/submit-report");
      const acme = await db.reseller.findUniqueOrThrow({ where: { slug: "acme" } });
      const r = await submitAbuseReport({
        source: "storefront_form", category: "phishing", domain: ${JSON.stringify(REPORTED_NAME)},
        description: "A copy of a bank's sign-in page.", reporterName: "Bank Security",
        reporterEmail: "analyst@bank-security.example", fromAuthority: false, viaResellerId: acme.id, evidence: [],
      });
      return { reference: r.reference, resellerId: acme.id };
    `),
  ) as { reference: string; resellerId: string };

  await signIn(page, consoleUrl("/sign-in"), "admin@registrar.test");
  await page.goto(consoleUrl(`/registrar/resellers/${resellerId}`));
  await page.getByRole("link", { name: "Health", exact: true }).click();
  await expect(page.getByRole("heading", { name: /health/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Compliance flags" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Waiting for review");
  await row.getByRole("button", { name: `Acknowledge ${reference}` }).click();
  await expect(row).toContainText("Reviewed");
  await expect(row.getByRole("button", { name: `Acknowledge ${reference}` })).toHaveCount(0);
});

test("a reseller owner accepts a new agreement version from the console banner", async ({ page }) => {
  runSetup(`
    const { publishAgreement } = await import("@/server/reseller-agreements/publish-agreement");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@registrar.test" } });
    const ctx = { kind: "registrar", actorId: admin.id, resellerId: null, role: "registrar_admin" };
    const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
    await publishAgreement(ctx, { version: ${JSON.stringify(VERSION)}, title: "Abuse handling", summary: "A new section on DNS abuse.", body: "The reseller follows the registrar's abuse procedure and RAA 3.12 in full.", acceptBy: due });
    return {};
  `);
  await signIn(page, consoleUrl("/sign-in"), "owner@acme.test");
  await page.goto(consoleUrl("/console"));
  await expect(page.getByText(`A new reseller agreement (${VERSION}) needs an owner's acceptance`)).toBeVisible();
  await page.getByRole("link", { name: "Read and accept the agreement" }).click();
  await expect(page.getByText("A new section on DNS abuse.")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Accept version ${VERSION}` }).click();
  await expect(page.getByText("Accepted by", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Accept version ${VERSION}` })).toHaveCount(0);
  await expect(page.getByText(`A new reseller agreement (${VERSION})`)).toHaveCount(0);
});
