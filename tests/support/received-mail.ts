/**
 * What the recipient's mailbox gets: the deliverable copy while a mail holds secret links, else the
 * body the consoles show. Tests that follow a mailed link act as that recipient.
 */
import type { OutboxMail } from "@/generated/prisma/client";

export const receivedText = (mail: Pick<OutboxMail, "secretText" | "textBody">): string =>
  mail.secretText ?? mail.textBody;
