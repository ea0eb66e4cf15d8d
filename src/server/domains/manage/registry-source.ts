/**
 * Management services reach the registry through the platform's router (domains/registry-access:
 * env-built, or the test's in-process registry via `setRegistryForTests`). They take the unrecorded
 * port and record each command themselves (call-registry), because they know the domain's id and
 * turn the answer into words in the same step.
 */
import { getRegistry } from "@/server/domains/registry-access";
import type { RegistryPort } from "@/server/registry";

export async function registryFor(domainName: string): Promise<RegistryPort> {
  return (await getRegistry()).forDomain(domainName);
}
