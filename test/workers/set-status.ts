// Runs in its own OS process, as another app instance would: moves a connection to a
// status through the one status-changing function, then exits.
import { changeStatus, SYSTEM } from "../../lib/connections/status/change-status";
import { db } from "../../lib/db";

const [connectionId, status] = process.argv.slice(2);
const connection = await db().vcsConnection.findUniqueOrThrow({ where: { id: connectionId! } });
await db().$transaction((tx) => changeStatus(tx, connection, status as "error", { actor: SYSTEM, reason: "host_timeout" }));
process.stdout.write("ok");
