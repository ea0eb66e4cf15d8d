/**
 * A kind with a provisioner but missing from FULFILLED_KINDS is paid for and then never sent: no job
 * is enqueued at payment and the stalled-item sweep does not look for it either.
 */
import { describe, expect, it } from "vitest";
import { FULFILLED_KINDS } from "@/server/fulfilment/enqueue-fulfilment";
import { PROVISIONERS } from "@/server/fulfilment/provisioner-table";

describe("fulfilled kinds", () => {
  it("are exactly the kinds the provisioner table carries out", () => {
    expect([...FULFILLED_KINDS].sort()).toEqual(Object.keys(PROVISIONERS).sort());
  });
});
