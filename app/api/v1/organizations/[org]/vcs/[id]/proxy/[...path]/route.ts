import { apiRoute } from "@/lib/api/api-route";
import { proxyCall } from "@/lib/connections/proxy-call";

type Params = { org: string; id: string; path: string[] };

/** Calls the connection's Bitbucket API for a service that holds no Bitbucket token (scope connections:use). */
const proxy = apiRoute({ permission: "connections.use", name: "vcs.proxy" }, (request, { id, path }: Params, access) => proxyCall(access, id, request, path));

export { proxy as DELETE, proxy as GET, proxy as POST, proxy as PUT };
