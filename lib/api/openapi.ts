import { z } from "zod";
import type { OrgRole } from "@/lib/orgs/roles";
import {
  connectionListSchema,
  connectionStatusSchema,
  connectionViewSchema,
  createConnectionBody,
  errorBodySchema,
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
  "401": failure("No token, or an unknown or revoked one, or its creator is no longer a member (`unauthenticated`)."),
  "403": failure("The token's creator lacks the role this operation needs (`forbidden`)."),
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

function operation(spec: { id: string; summary: string; role: OrgRole; description?: string; body?: string; responses: Record<string, unknown> }) {
  return {
    operationId: spec.id,
    summary: spec.summary,
    description: `${spec.description ? `${spec.description}\n\n` : ""}Requires the **${spec.role}** role (or higher) in the organization.`,
    "x-required-role": spec.role,
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(spec.body) } } } } : {}),
    responses: { ...spec.responses, "401": failures["401"], "403": failures["403"], "404": failures["404"], "500": failures["500"] },
  };
}

const orgParameter = { name: "org", in: "path", required: true, description: "The organization's slug, as in /orgs/{org}.", schema: { type: "string" } };
const idParameter = { name: "id", in: "path", required: true, description: "The connection's id.", schema: { type: "string" } };

/** The VCS API's OpenAPI 3.1 document, built from the schemas that validate requests and describe responses. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "vcs-connect VCS API",
      version: "1.0.0",
      description:
        "Create and inspect an organization's Bitbucket Cloud connections from automation. Authenticate with a personal API token (Settings → API tokens, or `npm run token:create` on the server); it acts with its creator's current role. Responses never contain a client secret or an OAuth token.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/organizations/{org}/vcs": {
        parameters: [orgParameter],
        get: operation({ id: "listConnections", summary: "List connections", role: "member", responses: { "200": json("ConnectionList", "The organization's connections, oldest first.") } }),
        post: operation({
          id: "createConnection",
          summary: "Create a connection",
          role: "admin",
          description:
            "Without `clientId`/`clientSecret` the connection is a `draft`. With them, they are verified against Bitbucket first and nothing is stored if they fail; the connection is then `awaiting_authorization`. Register `callbackUrl` (or its prefix `{APP_URL}/callback/v1/vcs/`) on the OAuth consumer, then open `connectUrl` in a browser signed in as an admin.",
          body: "CreateConnection",
          responses: { "201": json("Connection", "Created. `Location` names the new connection."), ...bitbucketFailures },
        }),
      },
      "/organizations/{org}/vcs/{id}": {
        parameters: [orgParameter, idParameter],
        get: operation({ id: "getConnection", summary: "Get a connection", role: "member", responses: { "200": json("Connection", "The connection.") } }),
        patch: operation({
          id: "updateConnection",
          summary: "Rename or change credentials",
          role: "admin",
          description: "Changing `clientId`, `hostUrl` or `apiUrl` requires `clientSecret` too, and the new values are verified with Bitbucket before they are stored.",
          body: "UpdateConnection",
          responses: { "200": json("Connection", "The updated connection."), ...bitbucketFailures },
        }),
        delete: {
          ...operation({
            id: "deleteConnection",
            summary: "Delete a connection and its stored tokens",
            role: "admin",
            description: "Refused with 409 `connection_in_use` while projects use the connection, unless `removeProjects=true` confirms that the projects and their webhooks on Bitbucket are removed too.",
            responses: { "204": { description: "Deleted." }, "409": failure("Projects still use the connection and removeProjects was not set (`connection_in_use`).") },
          }),
          parameters: [{ name: "removeProjects", in: "query", required: false, description: "Also remove the projects that use this connection, and their webhooks.", schema: { type: "boolean" } }],
        },
      },
      "/organizations/{org}/vcs/{id}/status": {
        parameters: [orgParameter, idParameter],
        get: operation({ id: "getConnectionStatus", summary: "Get a connection's status", role: "member", responses: { "200": json("ConnectionStatus", "The connection's status.") } }),
      },
      "/openapi.json": {
        get: { operationId: "getOpenApiDocument", summary: "This document", security: [], responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": {} } } } },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "vcsc_…", description: "A personal API token: `Authorization: Bearer vcsc_…`." },
      },
      schemas: {
        CreateConnection: requestSchema(createConnectionBody),
        UpdateConnection: requestSchema(updateConnectionBody),
        Connection: jsonSchema(connectionViewSchema, "output"),
        ConnectionList: { ...jsonSchema(connectionListSchema, "output"), properties: { data: { type: "array", items: ref("Connection") } } },
        ConnectionStatus: jsonSchema(connectionStatusSchema, "output"),
        Error: jsonSchema(errorBodySchema, "output"),
      },
    },
  };
}
