import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { updateBranding } from "@/server/tenancy/update-branding";
import { suspendReseller } from "@/server/tenancy/suspend-reseller";
import { getBranding } from "@/server/tenancy/get-branding";
import { createRegistrarStaff, createReseller, createStaff, ensureRegistrar } from "../../support/factories";
import { startSlowLink, type SlowLink } from "./slow-link";

// One port per vitest worker, inside this suite's range.
const PORT = 6100 + Number(process.env.VITEST_POOL_ID ?? 1);
// Longer than the test's own round trip to the second process: a notification arrives after the
// next request unless the second process waits for it.
const LINK_DELAY_MS = 250;
let child: ChildProcess;
let link: SlowLink;

async function startSecondProcess(): Promise<void> {
  // The second process reaches PostgreSQL through a slow link, so it hears every commit late.
  const url = new URL(process.env.DATABASE_URL ?? "");
  link = await startSlowLink({ host: url.hostname, port: Number(url.port || 5432) }, LINK_DELAY_MS);
  url.hostname = "127.0.0.1";
  url.port = String(link.port);
  child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "second-app-process.ts")], {
    // A barrier crosses the slow link twice: on a loaded machine the default second is too short, and a
    // timed-out barrier reads the database, which would hide whether the process serves its cache.
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      SECOND_PROCESS_PORT: String(PORT),
      CACHE_BARRIER_TIMEOUT_MS: "20000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.on("exit", (code) => reject(new Error(`second process exited (${code})`)));
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      if (/ready \d+/.test(out)) resolve();
    });
  });
}

type Seen = { displayName: string; tagline: string; status: string } | null;

async function secondProcessSees(host: string): Promise<Seen> {
  const res = await fetch(`http://127.0.0.1:${PORT}/?host=${encodeURIComponent(host)}`);
  if (!res.ok) throw new Error(await res.text());
  return (await res.json()) as Seen;
}

/** Lets the second process hear what setup committed: a load it overlaps is (rightly) not cached. */
async function secondProcessCaughtUp(): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORT}/sync`);
  expect(await res.json()).toBe(true);
}

async function owner() {
  const reseller = await createReseller();
  const { ctx } = await createStaff(reseller.id, "owner");
  const b = await getBranding(ctx, reseller.id);
  const input = {
    resellerId: reseller.id,
    displayName: b.displayName,
    tagline: b.tagline,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    backgroundColor: b.backgroundColor,
    textColor: b.textColor,
    font: b.font,
    supportEmail: b.supportEmail,
    supportPhone: b.supportPhone,
    termsText: b.termsText,
    privacyText: b.privacyText,
  };
  return { reseller, ctx, input };
}

describe("storefront settings cached in a second app process", () => {
  beforeAll(startSecondProcess, 60_000);
  afterAll(async () => {
    child.removeAllListeners("exit");
    child.kill("SIGTERM");
    await link.close();
  });

  it("serves what it cached until told otherwise, and a branding save shows on its very next request", async () => {
    const { reseller, ctx, input } = await owner();
    await secondProcessCaughtUp();
    expect(await secondProcessSees(reseller.host)).toMatchObject({ tagline: "" });

    // Behind the triggers' back (replica mode skips them): the second process keeps its cached copy,
    // which is what proves it is not reading the database on every request.
    await db.$transaction([
      db.$executeRawUnsafe("set local session_replication_role = replica"),
      db.$executeRaw`update "ResellerBranding" set tagline = 'unannounced' where "resellerId" = ${reseller.id}`,
    ]);
    expect(await secondProcessSees(reseller.host)).toMatchObject({ tagline: "" });

    // The way a reseller saves: this process writes, the second process hears it from PostgreSQL.
    await updateBranding(ctx, { ...input, displayName: "Renamed Domains", tagline: "Fresh from the console" });
    expect(await secondProcessSees(reseller.host)).toMatchObject({
      displayName: "Renamed Domains",
      tagline: "Fresh from the console",
    });
  });

  it("answers a page's every cached read after one barrier, and a save made just before shows in all of them", async () => {
    const { reseller, ctx, input } = await owner();
    await ensureRegistrar();
    await secondProcessCaughtUp();
    await secondProcessSees(reseller.host);
    await updateBranding(ctx, { ...input, tagline: "Saved a moment ago" });
    const res = await fetch(`http://127.0.0.1:${PORT}/page?host=${encodeURIComponent(reseller.host)}`);
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({
      taglines: ["Saved a moment ago", "Saved a moment ago"],
      registrar: expect.any(String),
      rounds: 1,
    });
  });

  it("stops selling on the next request after a suspension, and forgets a removed host", async () => {
    const { reseller } = await owner();
    await secondProcessCaughtUp();
    expect(await secondProcessSees(reseller.host)).toMatchObject({ status: "active" });
    const { ctx: registrar } = await createRegistrarStaff("registrar_admin");
    await suspendReseller(registrar, { resellerId: reseller.id, reason: "Unpaid invoices" });
    expect(await secondProcessSees(reseller.host)).toMatchObject({ status: "suspended" });

    await db.hostName.deleteMany({ where: { resellerId: reseller.id } });
    expect(await secondProcessSees(reseller.host)).toBeNull();
  });
});
