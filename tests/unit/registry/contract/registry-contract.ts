/**
 * One contract for the registry port: every adapter must give the same answers to the same commands.
 * Each test gets a fresh registry with its clock frozen at FROZEN_AT.
 */
import { afterEach, beforeEach, describe } from "vitest";
import type { ContractEnv } from "../../../support/epp-test-registry";
import { checkAndCreateContract } from "./check-create";
import { faultsContract } from "./faults";
import { launchContract } from "./launch";
import { strictRefusalsContract } from "./strict-refusals";
import { lifecycleContract } from "./lifecycle";
import { transferContract } from "./transfer";
import { updateInfoContract } from "./update-info";

/** `dialect` names the registry dialect the environment sets up, when it is not the default one. */
export function registryContract(adapter: string, makeEnv: () => Promise<ContractEnv>, dialect?: string): void {
  describe(`the registry port through the ${adapter} adapter${dialect ? ` (${dialect})` : ""}`, () => {
    let current: ContractEnv | undefined;
    const env = () => {
      if (!current) throw new Error("no registry environment");
      return current;
    };
    beforeEach(async () => {
      current = await makeEnv();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    describe("checks and creates", () => checkAndCreateContract(env));
    describe("launch phases", () => launchContract(env));
    describe("updates, info, hosts, contacts and poll", () => updateInfoContract(env));
    describe("transfers between registrars", () => transferContract(env));
    describe("lifecycle as the clock moves", () => lifecycleContract(env));
    describe("faults", () => faultsContract(env));
    describe("refusals a real registry gives", () => strictRefusalsContract(env));
  });
}
