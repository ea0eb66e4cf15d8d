/**
 * The one way into the registries for services: the process's router and client id, commands sent
 * with their outcome recorded in the domain's history under the port's operation names, and registry
 * failures mapped to AppError (docs/decisions/076-one-registry-access.md).
 */
export {
  buildRegistryRouter,
  closeRegistry,
  envPortConfig,
  getRegistry,
  registryClientId,
  setRegistryForTests,
  setSandboxRegistryForTests,
} from "./router";
export { forgetRegistryModes, inRegistryModeOf, inSandbox, isSandboxReseller, sandboxActive } from "./registry-mode";
export { callRegistry, type CallOptions, type OperationSubject, type RegistryAnswer } from "./call-registry";
export { recordingPort, recordingRouter, withRegistry, type OperationContext } from "./recording-port";
export {
  answered,
  failed,
  isRecorded,
  recordOperation,
  type OperationRecord,
  type Outcome,
  type WriteOptions,
} from "./record-operation";
export { RegistryRefusal, registryAppError } from "./refusal";
export { describeRegistryResult } from "./result-words";
