/**
 * The contract again, against the other registry dialect: a check with an invalid name fails as a
 * whole (2005), and the 60-day transfer lock is left to registrars (docs/decisions/082).
 */
import { inProcessEnv } from "../../support/epp-test-registry";
import { registryContract } from "./contract/registry-contract";

registryContract(
  "in-process",
  () => inProcessEnv({ dialect: { invalidNameInCheck: "error", transferLock: "registrar" } }),
  "checks refuse invalid names, registrars hold the transfer lock",
);
