import { liveData, sessionRoute } from "@/lib/api/session-route";
import { getDeliveryPayload } from "@/lib/projects/read-projects";

/** One delivery's raw payload, as received, fetched only when someone asks to see it. */
export const GET = sessionRoute<{ org: string; id: string; deliveryId: string }>(
  { role: "member", name: "delivery payload" },
  async (_request, params, access) =>
    liveData({ payload: await getDeliveryPayload(access, params.id, params.deliveryId) }),
);
