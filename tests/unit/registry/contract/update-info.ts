import { expect, it } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { DS, expectEpp, label, makeComDomain, makeContact, makeHost, makeOrgDomain } from "./helpers";

export function updateInfoContract(env: () => ContractEnv): void {
  it("shows another registrar only the public view, and everything with the right auth code", async () => {
    const name = await makeComDomain(env().platform, "peek-code-1");
    const pub = await env().rival.infoDomain({ name });
    expect(pub.data).toMatchObject({ name, sponsor: "platform", contacts: [] });
    expect(pub.data.expiresAt).toBeUndefined();
    expect(pub.data.authInfo).toBeUndefined();
    await expectEpp(env().rival.infoDomain({ name, authInfo: "wrong-code" }), 2202);
    const full = await env().rival.infoDomain({ name, authInfo: "peek-code-1" });
    expect(full.data.expiresAt).toBe("2027-06-01T00:00:00.000Z");
  });

  it("updates nameservers, contacts, statuses, registrant, auth code and DS records", async () => {
    const e = env();
    const [ns1, ns2] = [
      await makeHost(e.platform, `ns1.${label()}.dns-host.de`),
      await makeHost(e.platform, `ns2.${label()}.dns-host.de`),
    ];
    const name = await makeOrgDomain(e, { nameservers: [ns1] });
    const c2 = await makeContact(e.platform);
    await e.platform.updateDomain({
      name,
      add: { nameservers: [ns2], contacts: [{ type: "billing", id: c2 }], statuses: ["clientTransferProhibited"] },
      remove: { nameservers: [ns1] },
      registrant: c2,
      authInfo: "new-code-42",
      ds: { add: [DS] },
    });
    const { data } = await e.platform.infoDomain({ name });
    expect(data).toMatchObject({
      nameservers: [ns2],
      registrant: c2,
      authInfo: "new-code-42",
      ds: [DS],
      updatedBy: "platform",
    });
    expect(data.contacts).toContainEqual({ type: "billing", id: c2 });
    expect(data.statuses).toEqual(["clientTransferProhibited"]);
    await e.platform.updateDomain({ name, ds: { removeAll: true }, remove: { nameservers: [ns2] } });
    const after = await e.platform.infoDomain({ name });
    expect(after.data.ds).toEqual([]);
    expect(after.data.statuses).toEqual(["clientTransferProhibited", "inactive"]);
    expect((await e.platform.infoHost({ name: ns1 })).data.statuses).toEqual(["ok"]);
  });

  it("refuses server statuses from clients (2004), the same value added and removed (2306), and 2304 under clientUpdateProhibited", async () => {
    const name = await makeComDomain(env().platform);
    await expectEpp(env().platform.updateDomain({ name, add: { statuses: ["serverHold"] } }), 2004);
    await expectEpp(
      env().platform.updateDomain({ name, add: { statuses: ["clientHold"] }, remove: { statuses: ["clientHold"] } }),
      2306,
    );
    await env().platform.updateDomain({ name, add: { statuses: ["clientUpdateProhibited"] } });
    await expectEpp(env().platform.updateDomain({ name, authInfo: "changed-1" }), 2304, /clientUpdateProhibited/);
    await env().platform.updateDomain({
      name,
      remove: { statuses: ["clientUpdateProhibited"] },
      authInfo: "changed-1",
    });
    env().admin.setServerStatuses(name, { add: ["serverUpdateProhibited", "serverRenewProhibited"] });
    await expectEpp(env().platform.updateDomain({ name, authInfo: "changed-2" }), 2304);
    await expectEpp(env().platform.renewDomain({ name, currentExpiry: "2027-06-01" }), 2304);
  });

  it("manages hosts: glue for in-zone hosts, none for external ones, renames, and no deleting linked hosts", async () => {
    const e = env();
    const dom = await makeComDomain(e.platform);
    await expectEpp(e.platform.createHost({ name: `ns1.${dom}` }), 2003, /ip address/);
    await expectEpp(
      e.platform.createHost({ name: `ns1.${label()}.org`, addresses: ["192.0.2.1"] }),
      2303,
      /Superordinate/,
    );
    await expectEpp(e.rival.createHost({ name: `ns1.${dom}`, addresses: ["192.0.2.1"] }), 2201);
    await expectEpp(
      e.platform.createHost({ name: `ns.${label()}.example.org.uk`, addresses: ["192.0.2.1"] }),
      2004,
      /External/,
    );
    const glue = await makeHost(e.platform, `ns1.${dom}`, ["192.0.2.1"]);
    await expectEpp(e.platform.createHost({ name: glue, addresses: ["192.0.2.2"] }), 2302);
    const other = `${label()}.com`;
    await e.platform.createDomain({ name: other, nameservers: [glue], authInfo: "secret-1" });
    const info = await e.rival.infoHost({ name: glue });
    expect(info.data).toMatchObject({
      name: glue,
      statuses: ["linked"],
      addresses: ["192.0.2.1"],
      sponsor: "platform",
    });
    await expectEpp(e.platform.deleteHost({ name: glue }), 2305);
    await e.platform.updateHost({
      name: glue,
      add: { addresses: ["2001:db8::53"] },
      remove: { addresses: ["192.0.2.1"] },
    });
    await e.platform.updateHost({ name: glue, newName: `ns2.${dom}` });
    expect((await e.platform.infoDomain({ name: other })).data.nameservers).toEqual([`ns2.${dom}`]);
    await expectEpp(e.platform.updateHost({ name: `ns2.${dom}`, remove: { addresses: ["2001:db8::53"] } }), 2304);
    await expectEpp(e.rival.updateHost({ name: `ns2.${dom}`, add: { statuses: ["clientUpdateProhibited"] } }), 2201);
    const { data } = await e.platform.checkHosts({ names: [`ns2.${dom}`, `ns9.${dom}`] });
    expect(data.map((d) => d.available)).toEqual([false, true]);
  });

  it("manages contacts and keeps them from other registrars", async () => {
    const e = env();
    const id = await makeContact(e.platform);
    await expectEpp(
      e.platform.createContact({
        id,
        postal: [{ type: "int", name: "X", street: [], city: "Y", cc: "GB" }],
        email: "x@example.net",
        authInfo: "cpass-1",
      }),
      2302,
    );
    await expectEpp(
      e.platform.createContact({
        id: label("q").slice(0, 12),
        postal: [{ type: "int", name: "Zoë", street: [], city: "Y", cc: "GB" }],
        email: "x@example.net",
        authInfo: "cpass-1",
      }),
      2005,
      /ASCII/,
    );
    const info = await e.platform.infoContact({ id });
    expect(info.data).toMatchObject({
      id,
      sponsor: "platform",
      email: `${id}@example.net`,
      authInfo: "contact-secret-1",
      statuses: ["ok"],
    });
    await expectEpp(e.rival.infoContact({ id }), 2201);
    await expectEpp(e.rival.infoContact({ id, authInfo: "nope-nope" }), 2202);
    expect((await e.rival.infoContact({ id, authInfo: "contact-secret-1" })).data.authInfo).toBeUndefined();
    await e.platform.updateContact({
      id,
      change: { email: "new@example.net", voice: "+1.5555550100" },
      add: { statuses: ["clientDeleteProhibited"] },
    });
    expect((await e.platform.infoContact({ id })).data).toMatchObject({
      email: "new@example.net",
      voice: "+1.5555550100",
      statuses: ["clientDeleteProhibited"],
    });
    await expectEpp(e.platform.deleteContact({ id }), 2304);
    await e.platform.updateContact({ id, remove: { statuses: ["clientDeleteProhibited"] } });
    const name = `${label()}.io`;
    await e.platform.createDomain({ name, registrant: id, authInfo: "secret-1" });
    await expectEpp(e.platform.deleteContact({ id }), 2305);
    expect((await e.platform.checkContacts({ ids: [id, "free-id-77"] })).data.map((c) => c.available)).toEqual([
      false,
      true,
    ]);
    await e.platform.deleteDomain({ name });
    expect((await e.platform.deleteContact({ id })).code).toBe(1000);
  });

  it("acknowledges poll messages oldest first and guards their ids", async () => {
    const e = env();
    expect((await e.platform.pollRequest({})).code).toBe(1300);
    const a = await makeComDomain(e.platform);
    const b = await makeComDomain(e.platform);
    e.admin.advanceClock({ days: 366 });
    const first = await e.platform.pollRequest({});
    expect(first.code).toBe(1301);
    expect(first.data).toMatchObject({
      remaining: 2,
      message: "Domain was auto-renewed.",
      event: { kind: "renewal", name: a },
    });
    await expectEpp(e.rival.pollAck({ id: first.data?.id ?? "" }), 2201);
    await expectEpp(e.platform.pollAck({ id: "999999" }), 2303);
    await expectEpp(e.platform.pollAck({ id: "not-a-number" }), 2005);
    expect((await e.platform.pollAck({ id: first.data?.id ?? "" })).data.remaining).toBe(1);
    expect((await e.platform.pollRequest({})).data?.event).toMatchObject({ kind: "renewal", name: b });
  });
}
