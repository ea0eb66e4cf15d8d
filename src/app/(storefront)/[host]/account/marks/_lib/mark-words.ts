/** What each state of a trademark record means to the registrant who recorded it. */
import type { TmchMarkState } from "@/generated/prisma/enums";
import type { BadgeTone } from "@/components/status-badge";

export const MARK_STATE_WORDS: Record<TmchMarkState, { label: string; detail: string; tone: BadgeTone }> = {
  ordered: { label: "Awaiting payment", detail: "We send it to the Clearinghouse once it is paid.", tone: "amber" },
  submitted: { label: "Submitted", detail: "The Clearinghouse has it and will start its review.", tone: "blue" },
  verifying: { label: "Being verified", detail: "The Clearinghouse is checking the mark.", tone: "blue" },
  incorrect: {
    label: "Needs correcting",
    detail: "The Clearinghouse found problems; correct them and it reviews the mark again, free.",
    tone: "red",
  },
  corrected: { label: "Corrected", detail: "The correction is with the Clearinghouse for review.", tone: "blue" },
  verified: { label: "Verified", detail: "The mark is recorded in the Clearinghouse.", tone: "green" },
  expired: { label: "Expired", detail: "The mark's term ended; renew it to protect it again.", tone: "slate" },
  deactivated: { label: "Withdrawn", detail: "The mark was withdrawn; its SMD files no longer work.", tone: "slate" },
  cancelled: {
    label: "Not recorded",
    detail: "The order failed before the Clearinghouse had the mark.",
    tone: "slate",
  },
};
