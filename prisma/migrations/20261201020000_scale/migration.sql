-- CreateIndex
CREATE INDEX "VcsConnection_organizationId_createdAt_id_idx" ON "VcsConnection"("organizationId", "createdAt", "id");

