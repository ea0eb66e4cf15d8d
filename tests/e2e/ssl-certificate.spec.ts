/**
 * Issue 13's browser test: Jane, on the Acme storefront, buys a DV certificate for a name she holds
 * there on the platform's nameservers, pasting a CSR openssl made. She pays with the test provider and
 * DCV completes through the DNS port without her doing anything; she downloads the certificate and
 * its chain, and `openssl verify` accepts them against the CA stand-in's root. A reissue with a new key
 * then revokes the old certificate, at the CA as well as on the page. A second journey orders with a
 * key her browser makes instead (Web Crypto): the request fills in, she saves the matching key, and
 * the order takes the request.
 */
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectNoAxeViolations } from "./support/axe";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const CA_URL = `http://127.0.0.1:${process.env.E2E_CA_PORT ?? "7141"}`;
const PASSWORD = "demo-password-123";
const acme = (p = "/") => `http://acme.localhost:${PORT}${p}`;

let work: string;
test.beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "e2e-ssl-"));
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const openssl = (...args: string[]) => execFileSync("openssl", args, { encoding: "utf8", stdio: "pipe" });

/** A new P-256 key and a CSR for the names, as the registrant makes them on their server. */
function makeCsr(tag: string, names: string[]): string {
  const csr = path.join(work, `${tag}.csr`);
  openssl(
    "req",
    "-new",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    path.join(work, `${tag}.key`),
    "-out",
    csr,
    "-subj",
    `/CN=${names[0]}`,
    "-addext",
    `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}`,
  );
  return readFileSync(csr, "utf8");
}

async function download(page: Page, linkName: string, file: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const target = path.join(work, file);
  await dl.saveAs(target);
  return target;
}

/** Jane signs in on the Acme storefront and lands on the certificates page. */
async function signInAsJane(page: Page) {
  await page.goto(acme("/sign-in?next=/certificates"));
  await page.getByLabel("Email").fill("jane@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  // The path, not the whole URL: the sign-in page's own ?next=/certificates ends the same way.
  await expect(page).toHaveURL((url) => url.pathname === "/certificates", { timeout: 30_000 });
}

async function caStatus(serial: string): Promise<string> {
  const res = await fetch(`${CA_URL}/v1/certificates/${serial}/status`);
  return ((await res.json()) as { status: string }).status;
}

test("a registrant buys a DV certificate, DCV completes by itself, openssl verifies it, and a reissue revokes it", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsJane(page);
  await expect(page.getByRole("heading", { name: "Order a certificate" })).toBeVisible();

  // Retail prices per year, and the names she holds on our nameservers.
  const product = page.locator('[data-testid=certificate-product][data-code="ssl-dv-single"]');
  await expect(product.getByTestId("price")).toHaveText(/^\$\d+\.\d\d$/);
  const name = (await page.getByTestId("held-name").first().textContent())?.trim() ?? "";
  expect(name).toMatch(/\./);

  await page.getByLabel("Product", { exact: true }).selectOption("ssl-dv-single");
  await page.getByLabel("Term", { exact: true }).selectOption("2");
  await page.getByLabel("Certificate signing request (CSR)").fill(makeCsr("first", [name, `www.${name}`]));
  await page.getByRole("button", { name: "Order and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();

  await page.goto(acme("/account/certificates"));
  await page
    .getByRole("link", { name: `${name}, www.${name}` })
    .first()
    .click();
  // No record to publish by hand: the platform publishes it and the page refreshes itself.
  await expect(page.getByTestId("certificate-state")).toHaveAttribute("data-state", "active", { timeout: 60_000 });
  const oldSerial = (await page.getByTestId("current-serial").textContent())?.trim() ?? "";
  expect(oldSerial).toMatch(/^[0-9a-f]+$/);

  const leaf = await download(page, "Certificate only (PEM)", "leaf.pem");
  const chain = await download(page, "Chain only (PEM)", "chain.pem");
  const full = await download(page, "Download certificate and chain (PEM)", "fullchain.pem");
  expect(readFileSync(full, "utf8")).toBe(readFileSync(leaf, "utf8") + readFileSync(chain, "utf8"));
  const { rootPem } = (await (await fetch(`${CA_URL}/v1/ca/chain`)).json()) as { rootPem: string };
  const root = path.join(work, "root.pem");
  writeFileSync(root, rootPem);
  expect(openssl("verify", "-CAfile", root, "-untrusted", chain, leaf)).toContain(": OK");
  expect(openssl("x509", "-in", leaf, "-noout", "-ext", "subjectAltName")).toContain(`DNS:www.${name}`);
  expect(await caStatus(oldSerial)).toBe("valid");

  // Reissue with a new key: the new certificate issues, then the old one is revoked as superseded.
  await page.getByLabel("New certificate signing request (CSR)").fill(makeCsr("second", [name, `www.${name}`]));
  await page.getByRole("button", { name: "Reissue" }).click();
  await expect(page.getByTestId("dcv-progress").or(page.getByTestId("current-serial"))).toBeVisible();
  // The page refreshes itself only while it knows of work at the CA; the reissue's order item may
  // still be on its way to the engine when the page first renders, so look again as a person would.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-serial")).not.toHaveText(oldSerial, { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000, 3_000] });
  // The CA is told by the next pass of the minute's poll job.
  const oldRow = page.locator(`[data-testid=certificate-row][data-serial="${oldSerial}"]`);
  await expect(async () => {
    await page.reload();
    await expect(oldRow).toHaveAttribute("data-status", "revoked", { timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [3_000, 5_000] });
  expect(await caStatus(oldSerial)).toBe("revoked");
  const newSerial = (await page.getByTestId("current-serial").textContent())?.trim() ?? "";
  expect(await caStatus(newSerial)).toBe("valid");
});

test("a registrant orders with a key her browser makes: the CSR fills in, the key is hers to save, the order takes it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsJane(page);

  // The names field starts from a name she holds here; she adds one of her own choosing.
  const held = (await page.getByTestId("held-name").first().textContent())?.trim() ?? "";
  const names = page.getByLabel("Names for the certificate");
  await expect(names).toHaveValue(`${held}, www.${held}`);
  await names.fill(`${held} shop.${held}`);
  await page.getByRole("button", { name: "Make a new key in this browser" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request is in the field below" })).toBeVisible();

  const csrField = page.getByLabel("Certificate signing request (CSR)");
  const csr = await csrField.inputValue();
  expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
  writeFileSync(path.join(work, "browser.csr"), csr);
  expect(openssl("req", "-in", path.join(work, "browser.csr"), "-noout", "-verify", "-text")).toContain(
    `DNS:shop.${held}`,
  );
  const key = await download(page, `Save the private key (${held}.key)`, "browser.key");
  // The key she saved is the one the request is for.
  const fromKey = openssl("pkey", "-in", key, "-pubout");
  const fromCsr = openssl("req", "-in", path.join(work, "browser.csr"), "-noout", "-pubkey");
  expect(fromCsr).toBe(fromKey);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Order and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
});
