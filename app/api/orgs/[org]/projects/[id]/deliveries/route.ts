import { liveData, sessionRoute } from "@/lib/api/session-route";
import { readActivity } from "@/lib/projects/read-activity";

/** A project's last push and delivery log, polled by its page. */
export const GET = sessionRoute<{ org: string; id: string }>({ role: "member", name: "project deliveries" }, async (_request, params, access) =>
  liveData(await readActivity(access, params.id)),
);
