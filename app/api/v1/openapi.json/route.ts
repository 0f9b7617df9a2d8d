import { buildOpenApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

/** The VCS API's OpenAPI 3.1 document; public, like any API reference (it holds no data). */
export function GET() {
  return Response.json(buildOpenApiDocument(`${env().APP_URL}/api/v1`));
}
