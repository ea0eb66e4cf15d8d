import { expect, it } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { DS, expectEpp, makeComDomain, makeHost } from "./helpers";

/** What a real registry refuses reaches the platform as that registry's error (issue 16). */
export function strictRefusalsContract(env: () => ContractEnv): void {
  it("refuses glue that is loopback, private or link-local (2306)", async () => {
    const name = await makeComDomain(env().platform);
    await expectEpp(env().platform.createHost({ name: `ns1.${name}`, addresses: ["192.168.0.53"] }), 2306);
    await expectEpp(env().platform.createHost({ name: `ns1.${name}`, addresses: ["fe80::53"] }), 2306);
    const host = await makeHost(env().platform, `ns1.${name}`, ["192.0.2.53"]);
    await expectEpp(env().platform.updateHost({ name: host, add: { addresses: ["127.0.0.1"] } }), 2306);
    await expectEpp(env().platform.updateHost({ name: host, add: { addresses: ["192.0.2.53"] } }), 2306);
    await expectEpp(env().platform.updateHost({ name: host, remove: { addresses: ["192.0.2.54"] } }), 2306);
  });

  it("refuses a domain update that adds what is there or removes what is not (2306)", async () => {
    const { platform } = env();
    const name = await makeComDomain(platform);
    await platform.updateDomain({ name, add: { statuses: ["clientHold"] }, ds: { add: [DS] } });
    await expectEpp(platform.updateDomain({ name, add: { statuses: ["clientHold"] } }), 2306);
    await expectEpp(platform.updateDomain({ name, remove: { statuses: ["clientRenewProhibited"] } }), 2306);
    await expectEpp(platform.updateDomain({ name, ds: { add: [DS] } }), 2306);
    await expectEpp(platform.updateDomain({ name, ds: { remove: [{ ...DS, keyTag: 1 }] } }), 2306);
    await expectEpp(platform.updateDomain({ name, remove: { nameservers: [`ns1.${name}`] } }), 2306);
    const info = await platform.infoDomain({ name });
    expect(info.data.statuses).toContain("clientHold");
    expect(info.data.ds).toEqual([DS]);
  });

  it("answers the sponsor's info with a wrong auth code with 2202", async () => {
    const name = await makeComDomain(env().platform, "right-code-1");
    await expectEpp(env().platform.infoDomain({ name, authInfo: "wrong-code-1" }), 2202);
    expect((await env().platform.infoDomain({ name, authInfo: "right-code-1" })).data.authInfo).toBe("right-code-1");
  });
}
