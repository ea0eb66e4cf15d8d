/** The webhook jobs the worker runs (listed in src/server/all-jobs.ts). */
import { deliverWebhookJob } from "./deliver-webhook-job";

export const webhookJobs = [deliverWebhookJob];
