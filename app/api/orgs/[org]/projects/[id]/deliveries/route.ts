import { liveData, sessionRoute } from "@/lib/api/session-route";
import { readProjectActivity } from "@/lib/workflows/read-project-activity";

/** A project's last push and delivery log with its forwards, polled by its page. */
export const GET = sessionRoute<{ org: string; id: string }>({ role: "member", name: "project deliveries" }, async (_request, params, access) =>
  liveData(await readProjectActivity(access, params.id)),
);
