/**
 * The contract over EPP against the other registry dialect (docs/decisions/082): the platform's client
 * meets a check refused as a whole (2005) and a transfer the registry does not lock. Every frame of the
 * run must still validate against the schemas.
 */
import { afterAll, describe, expect, it } from "vitest";
import { eppEnv } from "../../support/epp-test-registry";
import { invalidFrames } from "../../support/epp-xsd";
import { registryContract } from "./contract/registry-contract";

const frames = new Set<string>();

registryContract(
  "EPP",
  () =>
    eppEnv((_direction, xml) => frames.add(xml), {
      dialect: { invalidNameInCheck: "error", transferLock: "registrar" },
    }),
  "checks refuse invalid names, registrars hold the transfer lock",
);

describe("every frame of the EPP contract run in the second dialect", () => {
  afterAll(async () => {
    const invalid = await invalidFrames(frames);
    expect(invalid.slice(0, 3), `${invalid.length} of ${frames.size} frames fail all-rfc8334.xsd`).toEqual([]);
  });

  it("was collected from both directions", () => {
    expect(frames.size).toBeGreaterThan(0);
  });
});
