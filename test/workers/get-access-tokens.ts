// Runs in its own OS process, as a second app process would: asks for a connection's
// access token N times at once and prints the distinct tokens it got.
import { getAccessToken } from "../../lib/connections/get-access-token";

const [connectionId, count] = process.argv.slice(2);
const tokens = await Promise.all(Array.from({ length: Number(count) }, () => getAccessToken(connectionId!)));
process.stdout.write(JSON.stringify([...new Set(tokens)]));
process.exit(0);
