/**
 * The CA stand-in as `npm run dev` and the browser-test server start it (scripts/lib/platform-stack.ts):
 * in process, on the port of SSL_CA_STANDIN_URL, its DNS DCV reading the platform's DNS port, so a
 * record entered in the local DNS table validates a name with nothing installed from apt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCaStandInInProcess } from "../../../scripts/lib/platform-stack";
import { parseEnv } from "@/env";
import { systemContext } from "@/server/context";
import { setLocalDnsAnswer } from "@/server/dns/set-local-dns-answer";
import { buildCertificateAuthority } from "@/server/ssl/authority/certificate-authority";
import { makeCsr, removeTempDirs, tempDir } from "./standin-helpers";

const URL_ = "http://127.0.0.1:6122";
let running: Awaited<ReturnType<typeof startCaStandInInProcess>>;

beforeAll(async () => {
  running = await startCaStandInInProcess(URL_, tempDir("stack-ca"), undefined);
});

afterAll(async () => {
  await running.close();
  removeTempDirs();
});

describe("the CA stand-in the start scripts run", () => {
  it("is what SSL_CA_ADAPTER=standin (the default) points the platform at, and validates through the platform's DNS", async () => {
    const e = parseEnv({ SSL_CA_STANDIN_URL: URL_ });
    expect(e.SSL_CA_ADAPTER).toBe("standin");
    const ca = buildCertificateAuthority(e);
    expect(ca.name).toBe("ca-standin");
    expect(running.url).toBe(URL_);

    const { csrPem } = await makeCsr(["stack.example.com"]);
    const order = await ca.placeOrder({
      externalId: "stack-1",
      csrPem,
      names: ["stack.example.com"],
      level: "dv",
      dcvMethod: "dns-txt",
      validityDays: 90,
    });
    const [c] = order.challenges;
    expect((await ca.confirmChallenge(order.caOrderId, c.name)).challenges[0].state).not.toBe("valid");
    await setLocalDnsAnswer(systemContext(), { name: c.dnsRecordName!, value: c.dnsRecordValue! });
    const confirmed = await ca.confirmChallenge(order.caOrderId, c.name);
    expect(confirmed.challenges[0].state).toBe("valid");
    const issued = confirmed.state === "issued" ? confirmed : await ca.getOrder(order.caOrderId);
    expect(issued.certificate?.certificatePem).toContain("BEGIN CERTIFICATE");
  });

  it("an ACME configuration without a directory or account key is refused with the setting to fix", () => {
    expect(() => buildCertificateAuthority(parseEnv({ SSL_CA_ADAPTER: "acme" }))).toThrow(/SSL_ACME_DIRECTORY_URL/);
    expect(() =>
      buildCertificateAuthority(
        parseEnv({ SSL_CA_ADAPTER: "acme", SSL_ACME_DIRECTORY_URL: "https://acme.example/directory" }),
      ),
    ).toThrow(/SSL_ACME_ACCOUNT_KEY/);
  });
});
