-- AlterTable
ALTER TABLE "User" ADD COLUMN "blockedAt" DATETIME;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "sourceAddress" TEXT;

-- CreateTable
CREATE TABLE "SignInPolicy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "allowedWorkspaces" TEXT NOT NULL DEFAULT '',
    "allowedEmailDomains" TEXT NOT NULL DEFAULT '',
    "updatedByUserId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InstanceAuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConsumerCallCount" (
    "consumer" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'api',
    "minute" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("consumer", "kind", "minute")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT,
    "targetUrl" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastErrorCode" TEXT,
    "lastFailureAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookSubscription_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookSubscription_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseHolder" TEXT,
    "leaseUntil" DATETIME,
    "lastErrorCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "OutboxMessage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForwardAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outboxId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "errorCode" TEXT,
    "worker" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ForwardAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForwardAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForwardAttempt_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "scopes" TEXT NOT NULL DEFAULT 'connections:read connections:write',
    "connectionIds" TEXT,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("createdAt", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt", "tokenHash", "userId") SELECT "createdAt", "id", "lastUsedAt", "name", "organizationId", "prefix", "revokedAt", "tokenHash", "userId" FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_organizationId_idx" ON "ApiToken"("organizationId");
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
    "nextCheckAt" DATETIME,
    "checkBackoffSeconds" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "credentialType" TEXT NOT NULL DEFAULT 'oauth_consumer',
    "credentialExpiresAt" DATETIME,
    "credentialEmail" TEXT,
    "tokenResourceKind" TEXT,
    "tokenWorkspace" TEXT,
    "tokenResourceKey" TEXT,
    CONSTRAINT "VcsConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_VcsConnection" ("apiUrl", "clientId", "clientSecretSealed", "consecutiveFailures", "consumerKind", "createdAt", "hostUrl", "id", "lastCheckedAt", "lastErrorAt", "lastErrorCode", "lastSuccessAt", "name", "organizationId", "profile", "provider", "requiredScopes", "status", "updatedAt", "verifiedAt") SELECT "apiUrl", "clientId", "clientSecretSealed", "consecutiveFailures", "consumerKind", "createdAt", "hostUrl", "id", "lastCheckedAt", "lastErrorAt", "lastErrorCode", "lastSuccessAt", "name", "organizationId", "profile", "provider", "requiredScopes", "status", "updatedAt", "verifiedAt" FROM "VcsConnection";
DROP TABLE "VcsConnection";
ALTER TABLE "new_VcsConnection" RENAME TO "VcsConnection";
CREATE INDEX "VcsConnection_organizationId_createdAt_id_idx" ON "VcsConnection"("organizationId", "createdAt", "id");
CREATE INDEX "VcsConnection_status_nextCheckAt_idx" ON "VcsConnection"("status", "nextCheckAt");
CREATE INDEX "VcsConnection_hostUrl_clientId_idx" ON "VcsConnection"("hostUrl", "clientId");
CREATE UNIQUE INDEX "VcsConnection_organizationId_name_key" ON "VcsConnection"("organizationId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InstanceAuditEvent_createdAt_idx" ON "InstanceAuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "ConsumerCallCount_minute_idx" ON "ConsumerCallCount"("minute");

-- CreateIndex
CREATE INDEX "WebhookSubscription_organizationId_projectId_idx" ON "WebhookSubscription"("organizationId", "projectId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_deliveryId_idx" ON "OutboxMessage"("deliveryId");

-- CreateIndex
CREATE INDEX "ForwardAttempt_deliveryId_idx" ON "ForwardAttempt"("deliveryId");

-- CreateIndex
CREATE UNIQUE INDEX "ForwardAttempt_outboxId_number_key" ON "ForwardAttempt"("outboxId", "number");

