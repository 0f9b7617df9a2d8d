// Runs in its own OS process, as another app instance would: at the given moment (epoch
// ms), moves a connection to a status through the one status-changing function.
import { changeStatus, SYSTEM } from "../../lib/connections/status/change-status";
import { db } from "../../lib/db";

const [connectionId, status, at] = process.argv.slice(2);
const connection = await db().vcsConnection.findUniqueOrThrow({ where: { id: connectionId! } });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
await db().$transaction((tx) => changeStatus(tx, connection, status as "error", { actor: SYSTEM, reason: "host_timeout" }));
const changedAt = Date.now();
// Closed before reporting: PostgreSQL's idle pool would otherwise keep the process up for seconds after the change.
await db().$disconnect();
process.stdout.write(String(changedAt));
