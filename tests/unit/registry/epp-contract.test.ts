import { afterAll, describe, expect, it } from "vitest";
import { eppEnv } from "../../support/epp-test-registry";
import { invalidFrames } from "../../support/epp-xsd";
import { registryContract } from "./contract/registry-contract";

const frames = new Set<string>();

registryContract("EPP", () => eppEnv((_direction, xml) => frames.add(xml)));

describe("every frame of the EPP contract run", () => {
  afterAll(async () => {
    const invalid = await invalidFrames(frames);
    expect(invalid.slice(0, 3), `${invalid.length} of ${frames.size} frames fail all-rfc8334.xsd`).toEqual([]);
  });

  it("was collected from both directions", () => {
    expect(frames.size).toBeGreaterThan(0);
  });
});
