export {
  createRegistryPort,
  type RegistryPortConfig,
  type EppPortConfig,
  type InProcessPortConfig,
} from "./create-registry-port";
export { RegistryRouter, tldOf, type RegistryRoutes } from "./registry-router";
export { EppError, RegistryTransportError } from "./errors";
export type { RegistryPort, Operations, OperationName } from "./port";
export type { RegistryLogEntry, RegistryLogger } from "./logging";
export type * from "./types";
