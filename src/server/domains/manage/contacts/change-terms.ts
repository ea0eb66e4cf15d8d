/**
 * Change-of-registrant terms as configuration: the inter-registrar lock after a change (60 days in
 * the 2016 Transfer Policy; the TPR changes it, so it is REGISTRANT_CHANGE_LOCK_DAYS) and how long
 * the confirmation links stay valid.
 */
import { env } from "@/env";
import { LIFECYCLE } from "@/server/domains/lifecycle/policy";

export function registrantChangeLockDays(): number {
  return env().REGISTRANT_CHANGE_LOCK_DAYS;
}

export const CONFIRM_DAYS = LIFECYCLE.registrantChangeConfirmDays;
