// Runs in its own OS process, as a second app process would: counts N uses of one
// consumer at once.
import { countConsumerUse } from "../../lib/connections/consumer-usage";

const [hostUrl, clientId, count] = process.argv.slice(2);
await Promise.all(Array.from({ length: Number(count) }, () => countConsumerUse({ hostUrl: hostUrl!, clientId: clientId! }, "proxy")));
