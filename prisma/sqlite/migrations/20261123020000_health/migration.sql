-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "publicStatusToken" TEXT;

-- AlterTable
ALTER TABLE "VcsGrant" ADD COLUMN "refreshHolder" TEXT;
ALTER TABLE "VcsGrant" ADD COLUMN "refreshUntil" DATETIME;

-- CreateTable
CREATE TABLE "HealthEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER,
    "errorCode" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VcsConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "lastCompletedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VcsConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hostUrl" TEXT NOT NULL,
    "apiUrl" TEXT NOT NULL,
    "clientId" TEXT,
    "clientSecretSealed" TEXT,
    "consumerKind" TEXT,
    "profile" TEXT NOT NULL,
    "requiredScopes" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "lastErrorCode" TEXT,
    "lastErrorAt" DATETIME,
    "verifiedAt" DATETIME,
    "lastCheckedAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VcsConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_VcsConnection" ("apiUrl", "clientId", "clientSecretSealed", "consumerKind", "createdAt", "hostUrl", "id", "lastErrorAt", "lastErrorCode", "name", "organizationId", "profile", "provider", "requiredScopes", "status", "updatedAt", "verifiedAt") SELECT "apiUrl", "clientId", "clientSecretSealed", "consumerKind", "createdAt", "hostUrl", "id", "lastErrorAt", "lastErrorCode", "name", "organizationId", "profile", "provider", "requiredScopes", "status", "updatedAt", "verifiedAt" FROM "VcsConnection";
DROP TABLE "VcsConnection";
ALTER TABLE "new_VcsConnection" RENAME TO "VcsConnection";
CREATE UNIQUE INDEX "VcsConnection_organizationId_name_key" ON "VcsConnection"("organizationId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "HealthEvent_connectionId_createdAt_idx" ON "HealthEvent"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "HealthEvent_createdAt_idx" ON "HealthEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_publicStatusToken_key" ON "Organization"("publicStatusToken");

