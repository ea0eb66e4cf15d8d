-- CreateTable
CREATE TABLE "SandboxTenant" (
    "resellerId" TEXT NOT NULL,
    "sandboxResellerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxTenant_pkey" PRIMARY KEY ("resellerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxTenant_sandboxResellerId_key" ON "SandboxTenant"("sandboxResellerId");

-- Both sides are Reseller rows (declared here, so tenancy.prisma needs no back-relation)
ALTER TABLE "SandboxTenant" ADD CONSTRAINT "SandboxTenant_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SandboxTenant" ADD CONSTRAINT "SandboxTenant_sandboxResellerId_fkey" FOREIGN KEY ("sandboxResellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;
