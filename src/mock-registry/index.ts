/**
 * The mock registry's public entry. The platform may use only this file: the dev harness starts the
 * server, and the registry port's in-process adapter opens sessions on a registry directly.
 */
export { startMockRegistry, type RunningMockRegistry, type StartMockRegistryOptions } from "./start";
export { MockRegistry, type MockRegistryOptions } from "./registry";
export { RegistryAdmin, type AdvanceBy } from "./admin";
export type { RegistrySession, CommandMeta } from "./session";
export type { FaultSpec, FaultTable } from "./faults";
export type { RegistryDialect, TldPolicy } from "./config/tld-policy";
export { DEFAULT_TLDS, defineTld } from "./config/tlds";
export { EXT_URIS, OBJ_URIS, NS } from "./config/services";
export { makeTcnid } from "./policy/launch-marks";
export type * from "./model/commands";
export type * from "./model/responses";
export type { ContactLink, DsData, HostAddr, PostalInfo, TransferStatus, LaunchPhase } from "./model/records";
export type { ResultCode } from "./model/result-codes";
