/**
 * The signed-in domain list as a registrant meets it through the list's page cache (decision 145):
 * the page carries the CSP nonce of its own answer, a change made on a domain's page is on the list
 * the next time it loads, and the route handler behind it answers nobody who comes to its address
 * directly. Other registrants, revoked sessions and races: tests/integration/cache/own-domains-page.test.ts.
 */
import { expect, test, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSWORD = "demo-password-123";
const acme = (p = "/") => `http://acme.localhost:${PORT}${p}`;

async function signIn(page: Page, email: string) {
  await page.goto(acme("/sign-in?next=/account/domains"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/account/domains", { timeout: 30_000 });
}

/** The list as a document load (the cached answer), not a client navigation. */
async function loadList(page: Page) {
  const response = await page.goto(acme("/account/domains"));
  expect(response?.status()).toBe(200);
  const csp = (await response?.headerValue("content-security-policy")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const html = await response!.text();
  // Every script of the page runs under this answer's nonce, none under another.
  const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
  expect([...nonces]).toEqual([nonce]);
  return nonce as string;
}

test("a registrant's list follows their changes, under a nonce of its own each time", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "jane@example.com");
  const first = await loadList(page);
  const second = await loadList(page);
  expect(second).not.toBe(first);

  // A name in good standing: one in redemption offers only a restore.
  const row = page.getByRole("main").getByRole("listitem").filter({ hasText: "Active" }).last();
  const name = (await row.getByRole("link").innerText()).trim();
  const before = (await row.innerText()).includes("Auto-renew on") ? "on" : "off";
  const after = before === "on" ? "off" : "on";
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: `Turn auto-renew ${after}` }).click();
  await expect(page.getByRole("button", { name: `Turn auto-renew ${before}` })).toBeVisible();

  await loadList(page);
  const changed = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(changed).toContainText(`Auto-renew ${after}`);

  // Put back as it was, and the list says so again.
  await changed.getByRole("link").click();
  await page.getByRole("button", { name: `Turn auto-renew ${before}` }).click();
  await expect(page.getByRole("button", { name: `Turn auto-renew ${after}` })).toBeVisible();
  await loadList(page);
  await expect(
    page
      .getByRole("main")
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name, exact: true }) }),
  ).toContainText(`Auto-renew ${before}`);
});

test("the handler behind the list answers nobody directly, and a signed-out visitor is sent to sign in", async ({
  page,
}) => {
  await page.goto(acme("/account/domains"));
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  // From the storefront's own origin, as a script on it could: the handler's address is not a way in.
  const direct = await page.evaluate(async () => {
    const res = await fetch("/api/storefront/own-domains", {
      headers: { "x-storefront-page-handoff": "guess", "x-storefront-page-nonce": "abc" },
    });
    return res.status;
  });
  expect(direct).toBe(404);
});
