-- AlterTable
ALTER TABLE "FulfilmentRun" ADD COLUMN     "leasedUntil" TIMESTAMP(3);
