import { describe, expect, it } from "vitest";
import { domainRdapStatuses, EPP_TO_RDAP_STATUS, rdapStatusOf } from "@/server/rdap/status-map";

// RFC 8056 section 2, every EPP status of RFC 5731-5733 and RGP (RFC 3915) with its RDAP value.
const RFC_8056: [string, string][] = [
  ["addPeriod", "add period"],
  ["autoRenewPeriod", "auto renew period"],
  ["clientDeleteProhibited", "client delete prohibited"],
  ["clientHold", "client hold"],
  ["clientRenewProhibited", "client renew prohibited"],
  ["clientTransferProhibited", "client transfer prohibited"],
  ["clientUpdateProhibited", "client update prohibited"],
  ["inactive", "inactive"],
  ["linked", "associated"],
  ["ok", "active"],
  ["pendingCreate", "pending create"],
  ["pendingDelete", "pending delete"],
  ["pendingRenew", "pending renew"],
  ["pendingRestore", "pending restore"],
  ["pendingTransfer", "pending transfer"],
  ["pendingUpdate", "pending update"],
  ["redemptionPeriod", "redemption period"],
  ["renewPeriod", "renew period"],
  ["serverDeleteProhibited", "server delete prohibited"],
  ["serverHold", "server hold"],
  ["serverRenewProhibited", "server renew prohibited"],
  ["serverTransferProhibited", "server transfer prohibited"],
  ["serverUpdateProhibited", "server update prohibited"],
  ["transferPeriod", "transfer period"],
];

describe("EPP to RDAP status mapping (RFC 8056)", () => {
  it.each(RFC_8056)("maps %s to %s", (epp, rdap) => {
    expect(rdapStatusOf(epp)).toBe(rdap);
  });

  it("maps exactly the RFC's table, nothing invented", () => {
    expect(Object.keys(EPP_TO_RDAP_STATUS).sort()).toEqual(RFC_8056.map(([e]) => e).sort());
    expect(rdapStatusOf("clientTransferprohibited")).toBeNull();
    expect(rdapStatusOf("premium")).toBeNull();
  });

  it("drops active beside any other status (RFC 5731: ok stands alone) and unknown values", () => {
    expect(domainRdapStatuses(["ok"], "active")).toEqual(["active"]);
    expect(domainRdapStatuses(["ok", "clientHold", "weird"], "active")).toEqual(["client hold"]);
    expect(domainRdapStatuses(["clientHold", "clientHold"], "active")).toEqual(["client hold"]);
  });

  it("falls back to our lifecycle state when the registry's statuses were never recorded", () => {
    expect(domainRdapStatuses([], "active")).toEqual(["active"]);
    expect(domainRdapStatuses([], "redemption")).toEqual(["redemption period", "pending delete"]);
    expect(domainRdapStatuses([], "pending_transfer_out")).toEqual(["pending transfer"]);
  });
});
