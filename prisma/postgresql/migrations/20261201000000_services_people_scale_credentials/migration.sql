-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "connectionIds" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'connections:read connections:write';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "healthCheckIntervalSeconds" INTEGER NOT NULL DEFAULT 3600;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "blockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VcsConnection" ADD COLUMN     "checkBackoffSeconds" INTEGER,
ADD COLUMN     "credentialEmail" TEXT,
ADD COLUMN     "credentialExpiresAt" TIMESTAMP(3),
ADD COLUMN     "credentialType" TEXT NOT NULL DEFAULT 'oauth_consumer',
ADD COLUMN     "nextCheckAt" TIMESTAMP(3),
ADD COLUMN     "tokenResourceKey" TEXT,
ADD COLUMN     "tokenResourceKind" TEXT,
ADD COLUMN     "tokenWorkspace" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "sourceAddress" TEXT;

-- CreateTable
CREATE TABLE "SignInPolicy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "allowedWorkspaces" TEXT NOT NULL DEFAULT '',
    "allowedEmailDomains" TEXT NOT NULL DEFAULT '',
    "updatedByUserId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstanceAuditEvent" (
    "id" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceAuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsumerCallCount" (
    "consumer" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'api',
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsumerCallCount_pkey" PRIMARY KEY ("consumer","kind","minute")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT,
    "targetUrl" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastErrorCode" TEXT,
    "lastFailureAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseHolder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastErrorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForwardAttempt" (
    "id" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "errorCode" TEXT,
    "worker" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForwardAttempt_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "VcsConnection_organizationId_createdAt_id_idx" ON "VcsConnection"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "VcsConnection_status_nextCheckAt_idx" ON "VcsConnection"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "VcsConnection_hostUrl_clientId_idx" ON "VcsConnection"("hostUrl", "clientId");

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForwardAttempt" ADD CONSTRAINT "ForwardAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForwardAttempt" ADD CONSTRAINT "ForwardAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForwardAttempt" ADD CONSTRAINT "ForwardAttempt_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

