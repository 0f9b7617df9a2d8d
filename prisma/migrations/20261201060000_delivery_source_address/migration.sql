-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "sourceAddress" TEXT;

