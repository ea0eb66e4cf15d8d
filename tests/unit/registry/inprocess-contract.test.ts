import { inProcessEnv } from "../../support/epp-test-registry";
import { registryContract } from "./contract/registry-contract";

registryContract("in-process", inProcessEnv);
