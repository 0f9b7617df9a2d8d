import { apiRoute, parseQuery } from "@/lib/api/api-route";
import { deliveryPageQuery } from "@/lib/api/schemas";
import { listDeliveryPage } from "@/lib/projects/list-delivery-page";

/** A project's delivery log, newest first, a page at a time (`limit`, `cursor` from the previous page's `next`). */
export const GET = apiRoute({ permission: "connections.read", name: "deliveries.list" }, async (request, params: { org: string; id: string }, access) =>
  Response.json(await listDeliveryPage(access, params.id, parseQuery(request, deliveryPageQuery))),
);
