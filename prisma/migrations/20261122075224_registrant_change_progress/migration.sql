-- AlterTable
ALTER TABLE "RegistrantChange" ADD COLUMN     "applyingAt" TIMESTAMP(3),
ADD COLUMN     "endedBy" TEXT,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "newContactId" TEXT,
ADD COLUMN     "priorContactId" TEXT;
