import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Database } from "@/lib/db/client";
import { createUserClaimingInstance } from "./instance-owner";

/** Auth.js's Prisma adapter, with user creation that assigns the instance owner. */
export function createAuthAdapter(database: Database, options: { ownerEmail?: string } = {}): Adapter {
  // The adapter is typed against the default @prisma/client; ours is generated elsewhere
  // with the same model API.
  const base = PrismaAdapter(database as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    createUser: ({ id: _ignored, ...data }) => createUserClaimingInstance(database, data, options),
  };
}
