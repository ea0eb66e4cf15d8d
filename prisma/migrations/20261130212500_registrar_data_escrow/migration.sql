-- CreateEnum
CREATE TYPE "EscrowDepositType" AS ENUM ('full', 'incremental');

-- CreateEnum
CREATE TYPE "EscrowDepositStatus" AS ENUM ('running', 'uploaded', 'failed');

-- CreateTable
CREATE TABLE "EscrowDeposit" (
    "id" TEXT NOT NULL,
    "type" "EscrowDepositType" NOT NULL,
    "depositDate" DATE NOT NULL,
    "status" "EscrowDepositStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leasedUntil" TIMESTAMP(3),
    "since" TIMESTAMP(3),
    "cutoff" TIMESTAMP(3),
    "domainRows" INTEGER,
    "handleRows" INTEGER,
    "files" JSONB NOT NULL DEFAULT '[]',
    "manifestName" TEXT,
    "manifestSha256" TEXT,
    "uploadResult" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscrowDeposit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EscrowDeposit_status_cutoff_idx" ON "EscrowDeposit"("status", "cutoff");

-- CreateIndex
CREATE UNIQUE INDEX "EscrowDeposit_depositDate_type_key" ON "EscrowDeposit"("depositDate", "type");
