// Runs in its own OS process, as a second app process would: counts N uses of one
// consumer at once.
import { countCall } from "../../lib/connections/count-call";

const [hostUrl, clientId, count] = process.argv.slice(2);
await Promise.all(Array.from({ length: Number(count) }, () => countCall({ hostUrl: hostUrl!, clientId: clientId! }, "proxy")));
