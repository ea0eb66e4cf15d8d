/** zod schemas for the verification forms (domain pages and the link's page). */
import { z } from "zod";

export const resendVerificationInput = z.object({ domainId: z.uuid() });

export const confirmVerificationInput = z.object({ token: z.string().min(10).max(200) });
