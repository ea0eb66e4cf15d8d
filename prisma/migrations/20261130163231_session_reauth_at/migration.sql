-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "reauthAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Sessions that exist already last proved themselves at sign-in, not at this migration.
UPDATE "Session" SET "reauthAt" = "createdAt";
