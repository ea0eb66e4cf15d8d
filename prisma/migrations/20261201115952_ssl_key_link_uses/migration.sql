-- CreateTable
CREATE TABLE "CertificateKeyLinkUse" (
    "nonce" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateKeyLinkUse_pkey" PRIMARY KEY ("nonce")
);

-- CreateIndex
CREATE INDEX "CertificateKeyLinkUse_certificateId_idx" ON "CertificateKeyLinkUse"("certificateId");

-- The certificate a used link named: the row goes with it
ALTER TABLE "CertificateKeyLinkUse" ADD CONSTRAINT "CertificateKeyLinkUse_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "IssuedCertificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
