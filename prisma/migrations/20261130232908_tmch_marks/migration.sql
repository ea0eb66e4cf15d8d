-- CreateEnum
CREATE TYPE "TmchMarkState" AS ENUM ('ordered', 'submitted', 'verifying', 'incorrect', 'corrected', 'verified', 'expired', 'deactivated', 'cancelled');

-- CreateTable
CREATE TABLE "TmchMark" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT NOT NULL,
    "tmchId" TEXT,
    "orderItemId" TEXT,
    "markName" TEXT NOT NULL,
    "markType" TEXT NOT NULL,
    "submission" JSONB NOT NULL,
    "pendingProofOfUse" JSONB,
    "hasProofOfUse" BOOLEAN NOT NULL DEFAULT false,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "TmchMarkState" NOT NULL DEFAULT 'ordered',
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "termYears" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "smdId" TEXT,
    "smdFile" TEXT,
    "smdNotAfter" TIMESTAMP(3),
    "expiryNoticeFor" TIMESTAMP(3),
    "lastPolledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TmchMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TmchMark_tmchId_key" ON "TmchMark"("tmchId");

-- CreateIndex
CREATE INDEX "TmchMark_resellerId_registrantId_idx" ON "TmchMark"("resellerId", "registrantId");

-- CreateIndex
CREATE INDEX "TmchMark_state_lastPolledAt_idx" ON "TmchMark"("state", "lastPolledAt");

-- Foreign keys kept out of the Prisma schema (no back-references on other capabilities' models)
ALTER TABLE "TmchMark" ADD CONSTRAINT "TmchMark_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TmchMark" ADD CONSTRAINT "TmchMark_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TmchMark" ADD CONSTRAINT "TmchMark_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
