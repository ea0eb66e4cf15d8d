-- CreateEnum
CREATE TYPE "CertificateBulkOutcome" AS ENUM ('pending', 'reissued', 'waiting', 'failed');

-- CreateTable
CREATE TABLE "CertificateBulkJob" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT,
    "createdById" TEXT,
    "actorKind" TEXT NOT NULL,
    "selection" JSONB NOT NULL DEFAULT '{}',
    "keyCompromise" BOOLEAN NOT NULL DEFAULT false,
    "status" "BulkJobStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "reissued" INTEGER NOT NULL DEFAULT 0,
    "waiting" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CertificateBulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateBulkJobItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "certificateId" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "names" TEXT[],
    "outcome" "CertificateBulkOutcome" NOT NULL DEFAULT 'pending',
    "message" TEXT NOT NULL DEFAULT '',
    "newCertificateId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateBulkJobItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CertificateBulkJob_resellerId_createdAt_idx" ON "CertificateBulkJob"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "CertificateBulkJob_createdAt_idx" ON "CertificateBulkJob"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateBulkJobItem_jobId_position_key" ON "CertificateBulkJobItem"("jobId", "position");

-- CreateIndex
CREATE INDEX "CertificateSubscription_createdAt_id_idx" ON "CertificateSubscription"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "CertificateBulkJobItem" ADD CONSTRAINT "CertificateBulkJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "CertificateBulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

