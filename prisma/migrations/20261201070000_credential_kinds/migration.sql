-- Connections authenticate with an OAuth consumer, an access token or an API token; every credential's end is stored.
ALTER TABLE "VcsConnection" ADD COLUMN "credentialType" TEXT NOT NULL DEFAULT 'oauth_consumer';
ALTER TABLE "VcsConnection" ADD COLUMN "credentialExpiresAt" DATETIME;
ALTER TABLE "VcsConnection" ADD COLUMN "credentialEmail" TEXT;
ALTER TABLE "VcsConnection" ADD COLUMN "tokenResourceKind" TEXT;
ALTER TABLE "VcsConnection" ADD COLUMN "tokenWorkspace" TEXT;
ALTER TABLE "VcsConnection" ADD COLUMN "tokenResourceKey" TEXT;
