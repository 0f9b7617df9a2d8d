import { z } from "zod";
import { PERMISSIONS, SCOPE_INFO, type Permission } from "@/lib/access/permissions";
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "@/lib/connections/list-connections-page";
import { CONNECTION_STATUSES } from "@/lib/connections/status";
import {
  connectionListSchema,
  connectionStatusSchema,
  connectionViewSchema,
  createConnectionBody,
  deliveryPageSchema,
  errorBodySchema,
  organizationListSchema,
  projectListSchema,
  issuedAccessTokenSchema,
  updateConnectionBody,
} from "./schemas";

/** OpenAPI 3.1 uses JSON Schema 2020-12 as is; only the per-schema `$schema` marker is dropped. */
function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" });
  return rest;
}

// The request schemas are shared with the pages, whose forms carry their own help; the API's goes here.
const requestFieldHelp: Record<string, string> = {
  name: "Unique within the organization.",
  profile: "What the connection is for; it decides the Bitbucket scopes required. With `custom`, send `scopes`.",
  scopes: "With `profile: custom`: the scopes the consumer must grant.",
  clientId: "The OAuth consumer's Key (send it with `clientSecret`).",
  clientSecret: "The OAuth consumer's Secret. Stored encrypted and never returned.",
  hostUrl: "Defaults to https://bitbucket.org.",
  apiUrl: "Defaults to https://api.bitbucket.org/2.0.",
};

function requestSchema(schema: z.ZodType) {
  const generated = jsonSchema(schema, "input");
  const properties = (generated.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, property] of Object.entries(properties)) {
    if (!property.description && requestFieldHelp[key]) property.description = requestFieldHelp[key];
  }
  return generated;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schemaName: string, description: string) => ({ description, content: { "application/json": { schema: ref(schemaName) } } });
const failure = (description: string) => json("Error", description);

const failures = {
  "401": failure("No token, or an unknown or revoked one, or its creator is no longer a member (`unauthenticated`); or it has expired (`token_expired`)."),
  "403": failure(
    "The token's creator lacks the role this operation needs (`forbidden`), the token lacks its scope (`token_scope_missing`), or the token is limited to other connections (`token_connection_not_allowed`).",
  ),
  "404": failure("No such organization for this token, or no such connection (`not_found`)."),
  "422": failure("Invalid input: malformed JSON or a field that fails validation (`invalid_input`, with `field` and `fields`)."),
  "500": failure("An unexpected server error; the server log has the details (`internal_error`)."),
};
const bitbucketFailures = {
  "409": failure("The name is already used in this organization (`name_taken`)."),
  "422": failure(
    "Invalid input, or Bitbucket refused the key, secret or URLs (`invalid_input`, `consumer_key_unknown`, `consumer_secret_wrong`, `host_not_bitbucket`, `api_not_bitbucket`, `url_invalid`, `url_invalid_http_allowed`, `url_not_allowed`); `field` names the field at fault.",
  ),
  "502": failure("Bitbucket could not be reached or answered unexpectedly (`host_unreachable`, `bitbucket_unexpected_response`)."),
  "504": failure("Bitbucket did not answer in time (`host_timeout`)."),
};

function operation(spec: { id: string; summary: string; permission: Permission; description?: string; body?: string; responses: Record<string, unknown> }) {
  const { scope, role } = PERMISSIONS[spec.permission];
  return {
    operationId: spec.id,
    summary: spec.summary,
    description: `${spec.description ? `${spec.description}\n\n` : ""}Requires a token with the \`${scope}\` scope, whose creator holds the **${role}** role (or higher) in the organization.`,
    "x-required-role": role,
    "x-required-scope": scope,
    security: [{ bearerAuth: [scope] }],
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(spec.body) } } } } : {}),
    responses: { ...spec.responses, "401": failures["401"], "403": failures["403"], "404": failures["404"], "500": failures["500"] },
  };
}

const orgParameter = { name: "org", in: "path", required: true, description: "The organization's slug, as in /orgs/{org}.", schema: { type: "string" } };
const connectionUnusable = {
  "401": failure(
    "No token, or an unknown, revoked or expired one (`unauthenticated`, `token_expired`); or Bitbucket refused the connection's authorization, which then needs reauthorization (`grant_revoked`, `bitbucket_token_rejected`).",
  ),
  "409": failure(
    "The connection cannot be used now; `hint` says how to fix it: `needs_reauthorization`, `connection_missing_permissions` (missing permissions in brackets), `connection_not_connected`.",
  ),
  "502": failure("Bitbucket could not be reached or answered unexpectedly (`host_unreachable`, `bitbucket_unexpected_response`)."),
  "503": failure("Bitbucket's token endpoint was busy or failing (`bitbucket_unavailable`)."),
  "504": failure("Bitbucket did not answer in time (`host_timeout`)."),
};

const listParameters = [
  { name: "limit", in: "query", required: false, description: `Connections per page (default ${PAGE_LIMIT_DEFAULT}, at most ${PAGE_LIMIT_MAX}).`, schema: { type: "integer", minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT } },
  { name: "cursor", in: "query", required: false, description: "The `next` value of the previous page (opaque).", schema: { type: "string" } },
  { name: "status", in: "query", required: false, description: `Only connections in these statuses, comma-separated: ${CONNECTION_STATUSES.join(", ")}.`, schema: { type: "string" }, example: "needs_reauthorization,error" },
];
const idParameter = { name: "id", in: "path", required: true, description: "The connection's id.", schema: { type: "string" } };

/** The VCS API's OpenAPI 3.1 document, built from the schemas that validate requests and describe responses. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "vcs-connect VCS API",
      version: "1.0.0",
      description:
        "Create and inspect an organization's Bitbucket Cloud connections from automation. Authenticate with a personal API token (Settings → API tokens, or `npm run token:create` on the server); it acts with its creator's current role, narrowed to the scopes (and connections) chosen when it was made. Services use a connection through it without holding its secret: a fresh access token on request, or a proxy to Bitbucket's API. Apart from that token, responses never contain a client secret or an OAuth token.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/organizations": {
        get: {
          operationId: "listOrganizations",
          summary: "List the organizations this token reaches",
          description: "A token belongs to one organization; this names it, with the role the token acts with there. Any valid token may call it.",
          responses: { "200": json("OrganizationList", "The token's organization."), "401": failures["401"], "500": failures["500"] },
        },
      },
      "/organizations/{org}/projects": {
        parameters: [orgParameter],
        get: operation({ id: "listProjects", summary: "List projects", permission: "connections.read", responses: { "200": json("ProjectList", "The organization's projects, by full name.") } }),
      },
      "/organizations/{org}/projects/{id}/deliveries": {
        parameters: [
          orgParameter,
          { name: "id", in: "path", required: true, description: "The project's id.", schema: { type: "string" } },
          { name: "limit", in: "query", required: false, description: "Deliveries per page, 1 to 200 (default 50).", schema: { type: "integer", minimum: 1, maximum: 200 } },
          { name: "cursor", in: "query", required: false, description: "The `next` of the previous page.", schema: { type: "string" } },
        ],
        get: operation({
          id: "listDeliveries",
          summary: "List a project's webhook deliveries",
          permission: "connections.read",
          description: "Newest first, summaries only. While older deliveries remain, `next` is a cursor for the following page.",
          responses: { "200": json("DeliveryPage", "One page of the delivery log."), "422": failures["422"] },
        }),
      },
      "/organizations/{org}/vcs": {
        parameters: [orgParameter],
        get: {
          ...operation({
            id: "listConnections",
            summary: "List connections, a page at a time",
            permission: "connections.read",
            description:
              "Oldest first (ties by id), a stable order: follow `next` (pass it as `cursor`) until it is null and every connection appears exactly once, including ones created meanwhile. Change neither `limit` nor `status` while following a cursor if you need the same result set.",
            responses: { "200": json("ConnectionList", "A page of the organization's connections."), "422": failures["422"] },
          }),
          parameters: listParameters,
        },
        post: operation({
          id: "createConnection",
          summary: "Create a connection",
          permission: "connections.write",
          description:
            "Without `clientId`/`clientSecret` the connection is a `draft`. With them, they are verified against Bitbucket first and nothing is stored if they fail; the connection is then `awaiting_authorization`. Register `callbackUrl` (or its prefix `{APP_URL}/callback/v1/vcs/`) on the OAuth consumer, then open `connectUrl` in a browser signed in as an admin.",
          body: "CreateConnection",
          responses: { "201": json("Connection", "Created. `Location` names the new connection."), ...bitbucketFailures },
        }),
      },
      "/organizations/{org}/vcs/{id}": {
        parameters: [orgParameter, idParameter],
        get: operation({ id: "getConnection", summary: "Get a connection", permission: "connections.read", responses: { "200": json("Connection", "The connection.") } }),
        patch: operation({
          id: "updateConnection",
          summary: "Rename or change credentials",
          permission: "connections.write",
          description: "Changing `clientId`, `hostUrl` or `apiUrl` requires `clientSecret` too, and the new values are verified with Bitbucket before they are stored.",
          body: "UpdateConnection",
          responses: { "200": json("Connection", "The updated connection."), ...bitbucketFailures },
        }),
        delete: {
          ...operation({
            id: "deleteConnection",
            summary: "Delete a connection and its stored tokens",
            permission: "connections.write",
            description: "Refused with 409 `connection_in_use` while projects use the connection, unless `removeProjects=true` confirms that the projects and their webhooks on Bitbucket are removed too.",
            responses: { "204": { description: "Deleted." }, "409": failure("Projects still use the connection and removeProjects was not set (`connection_in_use`).") },
          }),
          parameters: [{ name: "removeProjects", in: "query", required: false, description: "Also remove the projects that use this connection, and their webhooks.", schema: { type: "boolean" } }],
        },
      },
      "/organizations/{org}/vcs/{id}/status": {
        parameters: [orgParameter, idParameter],
        get: operation({ id: "getConnectionStatus", summary: "Get a connection's status", permission: "connections.read", responses: { "200": json("ConnectionStatus", "The connection's status.") } }),
      },
      "/organizations/{org}/vcs/{id}/token": {
        parameters: [orgParameter, idParameter],
        post: (() => {
          const base = operation({
            id: "issueAccessToken",
            summary: "Get a valid Bitbucket access token",
            permission: "connections.use",
            description:
              "For a service that calls Bitbucket, or clones over HTTPS (user name `gitUsername`), itself. The token is refreshed first if it is due (once per connection, however many ask at the same moment). Each issue is recorded in the audit log (which API token, when; never the token) and counted against the OAuth consumer's hourly budget. Do not store it: ask again when `expiresAt` nears.",
            responses: { "200": json("IssuedAccessToken", "A currently valid access token.") },
          });
          return { ...base, responses: { ...base.responses, ...connectionUnusable } };
        })(),
      },
      "/organizations/{org}/vcs/{id}/proxy/{path}": {
        parameters: [
          orgParameter,
          idParameter,
          {
            name: "path",
            in: "path",
            required: true,
            description: "A path under the connection's API URL, such as `repositories/acme/api/refs/branches`; the query string is passed on. No `..` or `.` segments, no empty segments, no encoded slashes, no absolute URLs.",
            schema: { type: "string" },
            "x-greedy": true,
          },
        ],
        ...Object.fromEntries(
          (["get", "post", "put", "delete"] as const).map((method) => {
            const base = operation({
              id: `proxy${method[0]!.toUpperCase()}${method.slice(1)}`,
              summary: `${method.toUpperCase()} through the connection to Bitbucket's API`,
              permission: "connections.use",
              description:
                "Forwards the request to `{apiUrl}/{path}` with a fresh access token the caller never sees; only `Accept`, `Content-Type`, `If-Match`, `If-None-Match` and `If-Modified-Since` are forwarded. Bitbucket's answer is passed on as it came (status, body, `Content-Type`, `ETag`, `Link`, `Location`, `Retry-After`): redirects are not followed. A 401 from Bitbucket causes one token refresh and one retry. A 429 or 5xx is answered with Bitbucket's status and `Retry-After` and never retried by the proxy: repeat only requests you know are safe to repeat. Request bodies over `PROXY_MAX_REQUEST_BYTES` (1 MiB by default) get 413 `proxy_body_too_large`; answers over `PROXY_MAX_RESPONSE_BYTES` (10 MiB) get 502 `proxy_response_too_large`. Every call counts against the OAuth consumer's hourly budget.",
              responses: {
                "2XX": { description: "Bitbucket's answer." },
                "3XX": { description: "Bitbucket's redirect, passed on with its `Location`, not followed." },
                "4XX": { description: "Bitbucket's refusal (its own error body), or one of this API's errors below." },
                "413": failure("The request body is too large (`proxy_body_too_large`)."),
                "422": failure("The path is not under the API URL (`proxy_path_invalid`)."),
                "429": { description: "Bitbucket's rate limit, with its `Retry-After`.", headers: { "Retry-After": { schema: { type: "string" } } } },
                "5XX": { description: "Bitbucket's server error, with its `Retry-After` when it sent one." },
              },
            });
            const body = method === "post" || method === "put" ? { requestBody: { required: false, content: { "*/*": {} } } } : {};
            return [method, { ...base, ...body, responses: { ...base.responses, ...connectionUnusable } }];
          }),
        ),
      },
      "/openapi.json": {
        get: { operationId: "getOpenApiDocument", summary: "This document", security: [], responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": {} } } } },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "vcsc_…",
          description: `A personal API token: \`Authorization: Bearer vcsc_…\`. Its scopes are chosen when it is created: ${Object.entries(SCOPE_INFO)
            .map(([scope, info]) => `\`${scope}\` (${info.description.replace(/\.$/, "")})`)
            .join("; ")}. It may be limited to named connections, and expires after 90 days unless another term (or none) was chosen.`,
        },
      },
      schemas: {
        CreateConnection: requestSchema(createConnectionBody),
        UpdateConnection: requestSchema(updateConnectionBody),
        Connection: jsonSchema(connectionViewSchema, "output"),
        ConnectionList: (() => {
          const list = jsonSchema(connectionListSchema, "output");
          return { ...list, properties: { ...(list.properties as object), data: { type: "array", items: ref("Connection") } } };
        })(),
        ConnectionStatus: jsonSchema(connectionStatusSchema, "output"),
        OrganizationList: jsonSchema(organizationListSchema, "output"),
        ProjectList: jsonSchema(projectListSchema, "output"),
        DeliveryPage: jsonSchema(deliveryPageSchema, "output"),
        IssuedAccessToken: jsonSchema(issuedAccessTokenSchema, "output"),
        Error: jsonSchema(errorBodySchema, "output"),
      },
    },
  };
}
