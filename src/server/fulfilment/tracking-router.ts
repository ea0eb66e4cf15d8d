/**
 * A registry router that notes whether this attempt sent anything that may change the outside world.
 * An attempt that failed before sending such a command leaves the item as certain as it found it.
 */
import { RegistryRouter, type RegistryPort } from "@/server/registry";
import { timeStep } from "./step-times";

const READS = new Set([
  "checkDomains",
  "claimsCheck",
  "infoDomain",
  "checkHosts",
  "infoHost",
  "checkContacts",
  "infoContact",
]);

export type Tracked = { router: RegistryRouter; sentChange: () => boolean };

export function trackingRouter(router: RegistryRouter): Tracked {
  let sent = false;
  const ports = new Map<RegistryPort, RegistryPort>();
  const track = (port: RegistryPort): RegistryPort => {
    if (!ports.has(port)) {
      const proxy = new Proxy(port, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop !== "string" || typeof value !== "function" || prop === "close") return value;
          if (READS.has(prop))
            return (input: unknown) =>
              timeStep(`epp.${prop}`, () => (value as (i: unknown) => Promise<unknown>).call(target, input));
          return (input: { op?: string }) => {
            if (!(prop === "transferDomain" && input?.op === "query")) sent = true;
            return timeStep(`epp.${prop}`, () => (value as (i: unknown) => Promise<unknown>).call(target, input));
          };
        },
      });
      ports.set(port, proxy);
    }
    return ports.get(port) as RegistryPort;
  };
  const tracked = Object.assign(Object.create(RegistryRouter.prototype) as RegistryRouter, {
    forTld: (tld: string) => track(router.forTld(tld)),
    forDomain: (name: string) => track(router.forDomain(name)),
    checkDomains: (names: string[], years?: number) => router.checkDomains(names, years),
    close: async () => {},
  });
  return { router: tracked, sentChange: () => sent };
}
