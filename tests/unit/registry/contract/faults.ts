import { expect, it } from "vitest";
import { EppError } from "@/server/registry";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { expectEpp, expectTransport, label, makeComDomain } from "./helpers";

export function faultsContract(env: () => ContractEnv): void {
  it("adds latency on a TLD without changing the answer", async () => {
    env().admin.setFaults("net", { latencyMs: 30 });
    const { data } = await env().platform.checkDomains({ names: [`${label()}.net`] });
    expect(data[0].available).toBe(true);
  });

  it("times out a command that took effect, and info then shows the effect", async () => {
    const name = `${label()}.io`;
    env().admin.setFaults("io", { timeoutAfterCommit: 1 });
    const error = await env()
      .platform.createDomain({ name, authInfo: "secret-1" })
      .catch((e: unknown) => e);
    await expectTransport(Promise.reject(error), "timeout");
    expect((error as { mayHaveTakenEffect: boolean }).mayHaveTakenEffect).toBe(true);
    env().admin.clearFaults();
    expect((await env().platform.infoDomain({ name })).data.sponsor).toBe("platform");
  });

  it("drops the connection without effect, and the next command reconnects", async () => {
    const name = `${label()}.co`;
    env().admin.setFaults("co", { dropConnection: 1 });
    await expectTransport(env().platform.createDomain({ name, authInfo: "secret-1" }), "connection");
    env().admin.clearFaults("co");
    await expectEpp(env().platform.infoDomain({ name }), 2303);
    expect((await env().platform.createDomain({ name, authInfo: "secret-1" })).code).toBe(1000);
  });

  it("answers 2400 when the registry fails a command, with no effect", async () => {
    env().admin.setFaults("org", { commandFailed: 1 });
    const error = await expectEpp(env().platform.checkDomains({ names: ["a.org"] }), 2400);
    expect(error.retryable).toBe(true);
    env().admin.clearFaults("org");
    expect((await env().platform.checkDomains({ names: ["a.org"] })).code).toBe(1000);
  });

  it("refuses a session beyond the registrar's session limit with 2502", async () => {
    const e = env();
    await makeComDomain(e.platform);
    e.admin.setFaults("*", { sessionLimit: 1 });
    e.admin.setFaults("shop", { latencyMs: 200 });
    const results = await Promise.allSettled([
      e.platform.checkDomains({ names: ["slow.shop"] }),
      e.platform.checkDomains({ names: ["fast.net"] }),
    ]);
    expect(results[0].status).toBe("fulfilled");
    expect(results[1].status).toBe("rejected");
    const reason = (results[1] as PromiseRejectedResult).reason as EppError;
    expect(reason).toBeInstanceOf(EppError);
    expect(reason.code).toBe(2502);
    e.admin.clearFaults();
    expect((await e.platform.checkDomains({ names: ["fast.net"] })).code).toBe(1000);
  });

  it("rate-limits a registrar per second of registry time with 2400", async () => {
    env().admin.setFaults("net", { rateLimitPerSecond: 2 });
    const names = { names: [`${label()}.net`] };
    await env().platform.checkDomains(names);
    await env().platform.checkDomains(names);
    await expectEpp(env().platform.checkDomains(names), 2400, /rate limit/);
    expect((await env().rival.checkDomains(names)).code).toBe(1000);
    env().admin.advanceClock({ ms: 1000 });
    expect((await env().platform.checkDomains(names)).code).toBe(1000);
  });
}
