-- CreateTable
CREATE TABLE "LaunchInterest" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "registrantId" TEXT,
    "email" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "tld" TEXT NOT NULL,
    "notifiedPhases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LaunchInterest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LaunchInterest_tld_idx" ON "LaunchInterest"("tld");

-- CreateIndex
CREATE UNIQUE INDEX "LaunchInterest_resellerId_email_subject_key" ON "LaunchInterest"("resellerId", "email", "subject");

-- AddForeignKey
ALTER TABLE "LaunchInterest" ADD CONSTRAINT "LaunchInterest_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchInterest" ADD CONSTRAINT "LaunchInterest_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
