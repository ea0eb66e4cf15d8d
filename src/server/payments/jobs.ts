/** Payment sweeps: whole-payment refunds the provider did not confirm at once are finished here. */
import { z } from "zod";
import { AppError } from "@/server/errors";
import { defineJob } from "@/server/jobs/define-job";
import { finishPaymentRefunds } from "./refund-duplicate-payment";

export const finishPaymentRefundsJob = defineJob({
  name: "payments.finish-refunds",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retry: { limit: 1 },
  handler: async () => {
    const { failed } = await finishPaymentRefunds();
    if (failed)
      throw new AppError(
        "PAYMENT_FAILED",
        `${failed} refund(s) could not be sent to the payment provider; the next sweep tries again.`,
      );
  },
});

export const paymentJobs = [finishPaymentRefundsJob];
