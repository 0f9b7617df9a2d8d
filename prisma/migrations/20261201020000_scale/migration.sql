-- AlterTable
ALTER TABLE "VcsConnection" ADD COLUMN "checkBackoffSeconds" INTEGER;
ALTER TABLE "VcsConnection" ADD COLUMN "nextCheckAt" DATETIME;

-- CreateTable
CREATE TABLE "ConsumerCallCount" (
    "consumer" TEXT NOT NULL,
    "minute" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("consumer", "minute")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "publicStatusToken" TEXT,
    "healthCheckIntervalSeconds" INTEGER NOT NULL DEFAULT 3600
);
INSERT INTO "new_Organization" ("createdAt", "id", "name", "publicStatusToken", "slug", "updatedAt") SELECT "createdAt", "id", "name", "publicStatusToken", "slug", "updatedAt" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE UNIQUE INDEX "Organization_publicStatusToken_key" ON "Organization"("publicStatusToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConsumerCallCount_minute_idx" ON "ConsumerCallCount"("minute");

-- CreateIndex
CREATE INDEX "VcsConnection_organizationId_createdAt_id_idx" ON "VcsConnection"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VcsConnection_status_nextCheckAt_idx" ON "VcsConnection"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "VcsConnection_hostUrl_clientId_idx" ON "VcsConnection"("hostUrl", "clientId");

