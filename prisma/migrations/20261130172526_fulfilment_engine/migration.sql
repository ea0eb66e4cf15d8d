-- AlterEnum
ALTER TYPE "OrderItemState" ADD VALUE 'parked';

-- AlterTable
ALTER TABLE "FulfilmentRun" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "parkedReason" TEXT;

-- CreateTable
CREATE TABLE "FulfilmentAttempt" (
    "id" BIGSERIAL NOT NULL,
    "itemId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "leaseToken" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,

    CONSTRAINT "FulfilmentAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FulfilmentAttempt_itemId_attempt_key" ON "FulfilmentAttempt"("itemId", "attempt");
