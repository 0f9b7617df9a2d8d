-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "repositoryUuid" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "workspaceSlug" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isPrivate" BOOLEAN NOT NULL,
    "mainBranch" TEXT,
    "htmlUrl" TEXT,
    "cloneHttpsUrl" TEXT,
    "cloneSshUrl" TEXT,
    "hookId" TEXT NOT NULL,
    "hookUuid" TEXT,
    "hookSecretSealed" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "hookStatus" TEXT NOT NULL DEFAULT 'pending',
    "hookErrorCode" TEXT,
    "lastPushAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Project_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Project_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VcsConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "requestUuid" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "signatureOk" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    CONSTRAINT "WebhookDelivery_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_hookId_key" ON "Project"("hookId");

-- CreateIndex
CREATE INDEX "Project_organizationId_idx" ON "Project"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_connectionId_repositoryUuid_key" ON "Project"("connectionId", "repositoryUuid");

-- CreateIndex
CREATE INDEX "WebhookDelivery_projectId_receivedAt_idx" ON "WebhookDelivery"("projectId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_projectId_requestUuid_key" ON "WebhookDelivery"("projectId", "requestUuid");

