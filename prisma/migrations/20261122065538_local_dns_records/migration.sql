-- CreateTable
CREATE TABLE "LocalDnsRecord" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalDnsRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LocalDnsRecord_name_idx" ON "LocalDnsRecord"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LocalDnsRecord_name_value_key" ON "LocalDnsRecord"("name", "value");
