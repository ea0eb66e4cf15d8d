/**
 * Issue 12's browser test: Jane, on the Acme storefront, records her trademark with the TMCH
 * stand-in and pays for it; the Clearinghouse verifies it and she downloads the SMD. She applies for
 * the matching .bloom name in sunrise with it and pays; the application waits at the registry until
 * the registry's clock passes sunrise's end, and then the name is hers.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { look, reloadUntil } from "./support/reload-until";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const TMCH_URL = `http://127.0.0.1:${process.env.E2E_TMCH_PORT ?? "7151"}`;
const REGISTRY_ADMIN = `http://127.0.0.1:${Number(process.env.E2E_REGISTRY_PORT ?? 7100) + 1}`;
const PASSWORD = "demo-password-123";
const acme = (p = "/") => `http://acme.localhost:${PORT}${p}`;
const MARK = "Petalwise";
const NAME = "petalwise.bloom";

async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok, `${url}: ${await res.clone().text()}`).toBe(true);
  return res.json();
}

async function payOrder(page: Page) {
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+\/pay/);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
}

test("a registrant records a mark, gets its SMD, applies in .bloom sunrise with it and holds the name after sunrise", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.goto(acme("/sign-in?next=/account/marks/new"));
  await page.getByLabel("Email").fill("jane@example.com");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  // The path, not the whole URL: the sign-in page's own ?next= names /account too.
  await expect(page).toHaveURL((url) => url.pathname.startsWith("/account"));
  await page.goto(acme("/account/marks/new"));

  await page.getByLabel("Mark", { exact: true }).fill(MARK);
  await page.getByLabel("Country of registration (two letters)").fill("US");
  await page.getByLabel("Registration number").fill("5551212");
  await page.getByLabel("Registration date").fill("2020-03-01");
  await page.getByLabel("Nice classes").fill("31, 44");
  await page.getByLabel("Goods and services").fill("Fresh cut flowers; florist services");
  await page.getByLabel("Holder (organisation or person)").fill("Petalwise Ltd");
  await page.getByLabel("Street address").fill("1 Garden Row");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Country (two letters)", { exact: true }).fill("US");
  await page.getByLabel("Contact person").fill("Jane Doe");
  await page.getByLabel("Contact email").fill("jane@example.com");
  await page.getByLabel("Proof of use").setInputFiles({
    name: "label.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Petalwise - product label as used in commerce"),
  });
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payOrder(page);

  // Paid: the engine submits it to the Clearinghouse, which gives it a reference.
  await page.goto(acme("/account/marks"));
  await page.getByRole("link", { name: MARK }).first().click();
  // On the mark's own page before the first reload, or the reload keeps the list.
  await expect(page).toHaveURL(/\/account\/marks\/[0-9a-f-]+$/);
  const tmchId = page.getByTestId("tmch-id");
  await reloadUntil(page, () => look(tmchId).not.toHaveText("Not submitted yet"), 60_000);
  // The Clearinghouse's reviewer accepts it; the platform hears of it at its next poll.
  await post(`${TMCH_URL}/admin/marks/${(await tmchId.textContent())?.trim()}/decide`, {
    outcome: "verified",
    reasons: [],
  });
  await reloadUntil(
    page,
    () => look(page.getByTestId("mark-state")).toHaveAttribute("data-state", "verified"),
    150_000,
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Download .*\.smd$/ }).click(),
  ]);
  const smd = readFileSync(await download.path(), "utf8");
  expect(smd).toContain("-----BEGIN ENCODED SMD-----");
  expect(smd).toContain("petalwise");

  // The registry trusts the Clearinghouse's CA and lists, as a registry refreshing from the TMCH does.
  await post(`${REGISTRY_ADMIN}/tmch/refresh`, { baseUrl: TMCH_URL });

  await page.getByRole("link", { name: "Apply in a sunrise with this mark" }).click();
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payOrder(page);

  await page.goto(acme("/account/sunrise"));
  const row = page.getByRole("listitem").filter({ hasText: NAME });
  await reloadUntil(page, () => look(row).toContainText("Waiting for sunrise to end"), 60_000);

  // Sunrise ends on the registry's clock; the registry allocates, and the platform follows.
  await post(`${REGISTRY_ADMIN}/clock/advance`, { days: 21 });
  await reloadUntil(page, () => look(row).toContainText("Allocated to you"), 150_000);
  await page.goto(acme("/account/domains"));
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
});
