/** Payment sweeps: whole-payment refunds the provider did not confirm at once are finished here. */
import { AppError } from "@/server/errors";
import { finishPaymentRefunds } from "./refund-duplicate-payment";

export const paymentJobs = [
  {
    name: "payments.finish-refunds",
    cron: "*/5 * * * *",
    retryLimit: 1,
    handler: async () => {
      const { failed } = await finishPaymentRefunds();
      if (failed)
        throw new AppError(
          "PAYMENT_FAILED",
          `${failed} refund(s) could not be sent to the payment provider; the next sweep tries again.`,
        );
    },
  },
];
