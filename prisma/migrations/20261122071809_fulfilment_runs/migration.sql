-- CreateTable
CREATE TABLE "FulfilmentRun" (
    "itemId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FulfilmentRun_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "OrderNotice" (
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderNotice_pkey" PRIMARY KEY ("orderId")
);
