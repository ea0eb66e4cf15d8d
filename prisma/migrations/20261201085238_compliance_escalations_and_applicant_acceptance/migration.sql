-- CreateEnum
CREATE TYPE "ComplianceSubject" AS ENUM ('abuse_report', 'reveal_request');

-- AlterTable
ALTER TABLE "AbuseReport" ADD COLUMN     "escalatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RevealRequest" ADD COLUMN     "escalatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ApplicantAgreementAcceptance" (
    "applicationId" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "acceptanceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicantAgreementAcceptance_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "ComplianceEscalation" (
    "id" TEXT NOT NULL,
    "subject" "ComplianceSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "timer" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "escalatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicantAgreementAcceptance_acceptanceId_key" ON "ApplicantAgreementAcceptance"("acceptanceId");

-- CreateIndex
CREATE INDEX "ComplianceEscalation_escalatedAt_idx" ON "ComplianceEscalation"("escalatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceEscalation_subject_subjectId_timer_key" ON "ComplianceEscalation"("subject", "subjectId", "timer");

-- Foreign keys kept out of the schema files, so ResellerApplication and ResellerAgreementAcceptance need no back-relation fields
ALTER TABLE "ApplicantAgreementAcceptance" ADD CONSTRAINT "ApplicantAgreementAcceptance_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ResellerApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApplicantAgreementAcceptance" ADD CONSTRAINT "ApplicantAgreementAcceptance_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "ResellerAgreementAcceptance"("id") ON DELETE SET NULL ON UPDATE CASCADE;
