-- CreateTable
CREATE TABLE "RegistrantTotp" (
    "registrantId" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabledAt" TIMESTAMP(3),
    "lastStep" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrantTotp_pkey" PRIMARY KEY ("registrantId")
);

-- CreateTable
CREATE TABLE "RegistrantRecoveryCode" (
    "id" TEXT NOT NULL,
    "registrantId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrantRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrantRecoveryCode_registrantId_codeHash_key" ON "RegistrantRecoveryCode"("registrantId", "codeHash");

-- The second factor goes with the registrant's account
ALTER TABLE "RegistrantTotp" ADD CONSTRAINT "RegistrantTotp_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RegistrantRecoveryCode" ADD CONSTRAINT "RegistrantRecoveryCode_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Registrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
