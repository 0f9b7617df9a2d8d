// Runs in its own OS process, as another app instance's scheduler would: one health sweep,
// then prints whether this process ran it.
import { runSweep } from "../../lib/health/run-sweep";

const result = await runSweep();
process.stdout.write(JSON.stringify({ ran: result.ran }));
process.exit(0);
