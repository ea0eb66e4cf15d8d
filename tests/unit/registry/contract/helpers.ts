import { expect } from "vitest";
import { EppError, RegistryTransportError, type RegistryPort } from "@/server/registry";
import type { ContractEnv } from "../../../support/epp-test-registry";
import type { RegistryDialect } from "@/mock-registry";

let seq = 0;

/** The dialect the contract runs against (set on every TLD alike by the environment). */
export function dialectOf(env: ContractEnv): RegistryDialect {
  const policy = env.registry.policyFor("com");
  if (!policy) throw new Error("the contract needs the .com TLD");
  return policy.dialect;
}
/** A label no other test uses, so tests sharing a registry never collide. */
export function label(prefix = "n"): string {
  seq += 1;
  return `${prefix}${seq}${Math.random().toString(36).slice(2, 7)}`;
}

export async function expectEpp(p: Promise<unknown>, code: number, message?: RegExp): Promise<EppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected EPP ${code}`).toBeInstanceOf(EppError);
  const epp = error as EppError;
  expect(epp.code).toBe(code);
  if (message) expect(epp.eppMessage).toMatch(message);
  return epp;
}

export async function expectTransport(p: Promise<unknown>, kind: RegistryTransportError["kind"]): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryTransportError);
  expect((error as RegistryTransportError).kind).toBe(kind);
}

export async function makeContact(port: RegistryPort, id = label("c").slice(0, 16)): Promise<string> {
  await port.createContact({
    id,
    postal: [
      {
        type: "int",
        name: "Ada Lovelace",
        org: "Analytical Ltd",
        street: ["12 Engine Row"],
        city: "London",
        pc: "N1 9GU",
        cc: "GB",
      },
    ],
    voice: "+44.2071234567",
    email: `${id}@example.net`,
    authInfo: "contact-secret-1",
  });
  return id;
}

export async function makeHost(port: RegistryPort, name: string, addresses?: string[]): Promise<string> {
  await port.createHost({ name, addresses });
  return name;
}

/** An .org name with the contacts .org requires. */
export async function makeOrgDomain(env: ContractEnv, extra: { nameservers?: string[] } = {}): Promise<string> {
  const c = await makeContact(env.platform);
  const name = `${label("org")}.org`;
  await env.platform.createDomain({
    name,
    registrant: c,
    contacts: [
      { type: "admin", id: c },
      { type: "tech", id: c },
    ],
    authInfo: "domain-secret-1",
    nameservers: extra.nameservers,
  });
  return name;
}

export async function makeComDomain(port: RegistryPort, authInfo = "domain-secret-1"): Promise<string> {
  const name = `${label("com")}.com`;
  await port.createDomain({ name, authInfo });
  return name;
}

export async function drainPoll(
  port: RegistryPort,
): Promise<{ message: string; kind?: string; name?: string; status?: string }[]> {
  const out: { message: string; kind?: string; name?: string; status?: string }[] = [];
  for (;;) {
    const { data } = await port.pollRequest({});
    if (!data) return out;
    const ev = data.event;
    out.push({
      message: data.message,
      kind: ev?.kind,
      name: ev?.name,
      status: ev?.kind === "transfer" ? ev.status : undefined,
    });
    await port.pollAck({ id: data.id });
  }
}

export const DS = {
  keyTag: 12346,
  alg: 8,
  digestType: 2,
  digest: "D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A",
};
