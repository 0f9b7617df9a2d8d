// Runs in its own OS process: creates users against a shared database file and prints their roles.
import { createUserClaimingInstance } from "../../lib/auth/instance-owner";
import { createDatabaseClient } from "../../lib/db/client";

const [url, ...names] = process.argv.slice(2);
const db = createDatabaseClient(url!);
const users = await Promise.all(
  names.map((name) => createUserClaimingInstance(db, { name, email: `${name}@example.test`, emailVerified: null, image: null })),
);
await db.$disconnect();
process.stdout.write(JSON.stringify(users.map((user) => user.role)));
// The database pool would keep the process alive for a while.
process.exit(0);
