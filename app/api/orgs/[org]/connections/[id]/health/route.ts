import { liveData, sessionRoute } from "@/lib/api/session-route";
import { connectionHealth } from "@/lib/health/connection-health";

export const GET = sessionRoute({ role: "member", name: "connection health" }, async (_request, { id }: { org: string; id: string }, access) =>
  liveData(await connectionHealth(access, id)),
);
