-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "secretHtml" TEXT,
ADD COLUMN     "secretText" TEXT,
ADD COLUMN     "secretsUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxMail_secretsUntil_idx" ON "OutboxMail"("secretsUntil");

-- Mail written before this migration kept its secret links in the body the consoles show. Unsent
-- mail keeps a deliverable copy for a day, and every shown copy loses its links.
UPDATE "OutboxMail" SET "secretText" = "textBody", "secretHtml" = "htmlBody", "secretsUntil" = now() + interval '1 day'
WHERE "sentAt" IS NULL AND "textBody" ~ '/(reset-password|invitation|registrant-change)/';

UPDATE "OutboxMail" SET
  "textBody" = regexp_replace("textBody", 'https?://\S*/(reset-password|invitation|registrant-change)/\S*', '[link sent only to the recipient]', 'g'),
  "htmlBody" = regexp_replace("htmlBody", 'https?://[^\s"''<>]*/(reset-password|invitation|registrant-change)/[^\s"''<>]*', '#', 'g')
WHERE "textBody" ~ '/(reset-password|invitation|registrant-change)/';
