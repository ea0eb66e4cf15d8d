-- AlterTable
ALTER TABLE "TmchMark" ADD COLUMN     "orderKey" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "TmchMark_resellerId_orderKey_key" ON "TmchMark"("resellerId", "orderKey");
