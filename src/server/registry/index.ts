export {
  createRegistryPort,
  type RegistryPortConfig,
  type EppPortConfig,
  type InProcessPortConfig,
} from "./create-registry-port";
export { RegistryRouter, tldOf, type RegistryRoutes } from "./registry-router";
export { EppError, RegistryTransportError } from "./core/errors";
export type { RegistryPort, Operations, OperationName, OpInput, OpOutput } from "./core/port";
export type { RegistryLogEntry, RegistryLogger } from "./core/logging";
export type * from "./core/types";
