// Runs in its own OS process, as another app instance would: completes Connect with a
// callback (the same one another process may be completing) and prints the outcome.
import { completeAuthorization, type Caller, type CallbackParams } from "../../lib/connections/complete-authorization";
import { isAppError } from "../../lib/errors/app-error";

const [connectionId, callback, caller] = process.argv.slice(2);
try {
  await completeAuthorization(connectionId!, JSON.parse(callback!) as CallbackParams, JSON.parse(caller!) as Caller);
  process.stdout.write("connected");
} catch (error) {
  process.stdout.write(isAppError(error) ? error.code : `unexpected: ${String(error)}`);
}
process.exit(0);
