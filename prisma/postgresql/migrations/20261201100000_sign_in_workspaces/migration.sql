-- CreateTable
CREATE TABLE "SignInWorkspace" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hostUrl" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "administrator" BOOLEAN,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInWorkspace_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SignInWorkspace_userId_hostUrl_slug_key" ON "SignInWorkspace"("userId", "hostUrl", "slug");

-- AddForeignKey
ALTER TABLE "SignInWorkspace" ADD CONSTRAINT "SignInWorkspace_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

