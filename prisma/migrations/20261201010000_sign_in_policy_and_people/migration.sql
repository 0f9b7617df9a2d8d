-- AlterTable
ALTER TABLE "User" ADD COLUMN "blockedAt" DATETIME;

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

-- CreateIndex
CREATE INDEX "InstanceAuditEvent_createdAt_idx" ON "InstanceAuditEvent"("createdAt");

