import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET } from "@/app/api/v1/openapi.json/route";
import type { ConnectionView } from "@/lib/connections/connection-view";
import { createConnection } from "@/lib/connections/create-connection";
import { getConnection } from "@/lib/connections/read-connections";
import { orgMember } from "@/test/org-fixtures";
import { useTestDatabase } from "@/test/use-test-database";
import { buildOpenApiDocument } from "./openapi";
import { connectionStatusSchema, connectionViewSchema, toConnectionStatus } from "./schemas";

const database = useTestDatabase();

// Compile-time half of keeping the response schema honest: every view is a valid body.
const viewsFitTheSchema = (view: ConnectionView): z.output<typeof connectionViewSchema> => view;
void viewsFitTheSchema;

type Operation = { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] };

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3999/api/v1");

  it("is OpenAPI 3.1 with bearer-token security and every path and method", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://localhost:3999/api/v1" }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const methods = Object.fromEntries(
      Object.entries(doc.paths).map(([path, item]) => [path, Object.keys(item).filter((key) => key !== "parameters").sort()]),
    );
    expect(methods).toEqual({
      "/organizations": ["get"],
      "/organizations/{org}/projects": ["get"],
      "/organizations/{org}/projects/{id}/deliveries": ["get"],
      "/organizations/{org}/vcs": ["get", "post"],
      "/organizations/{org}/vcs/{id}": ["delete", "get", "patch"],
      "/organizations/{org}/vcs/{id}/status": ["get"],
      "/organizations/{org}/vcs/{id}/token": ["post"],
      "/organizations/{org}/vcs/{id}/proxy/{path}": ["delete", "get", "post", "put"],
      "/openapi.json": ["get"],
    });
  });

  it("names the scope each operation needs, as the routes enforce it", () => {
    const scopeOf = (path: string, method: string) => (doc.paths as Record<string, Record<string, { "x-required-scope"?: string }>>)[path]![method]!["x-required-scope"];
    expect(scopeOf("/organizations/{org}/vcs", "get")).toBe("connections:read");
    expect(scopeOf("/organizations/{org}/vcs", "post")).toBe("connections:write");
    expect(scopeOf("/organizations/{org}/vcs/{id}/token", "post")).toBe("connections:use");
    for (const method of ["get", "post", "put", "delete"]) expect(scopeOf("/organizations/{org}/vcs/{id}/proxy/{path}", method)).toBe("connections:use");
    expect(doc.components.schemas.IssuedAccessToken).toMatchObject({ required: ["data"] });
  });

  it("documents the request bodies from the validating schemas", () => {
    const create = doc.components.schemas.CreateConnection as { required: string[]; properties: Record<string, { const?: string }> };
    expect(create.required.sort()).toEqual(["name", "vcsType"]);
    expect(create.properties.vcsType?.const).toBe("BITBUCKET");
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(["clientId", "clientSecret", "hostUrl", "apiUrl", "profile", "scopes"]));
    const post = doc.paths["/organizations/{org}/vcs"].post as Operation;
    expect(post.requestBody).toMatchObject({ required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateConnection" } } } });
    expect(doc.paths["/organizations/{org}/vcs/{id}"].patch.requestBody).toBeDefined();
  });

  it("gives every operation its success and error responses, and every reference resolves", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        if (method === "parameters" || path === "/openapi.json") continue;
        // Any valid token may name its own organization: no role, nothing to be missing.
        if (path === "/organizations") {
          expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "401", "500"]));
          continue;
        }
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["401", "403", "404", "500"]));
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it("is served at /api/v1/openapi.json", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: "3.1.0", servers: [{ url: "http://localhost:3999/api/v1" }] });
  });
});

describe("the response schemas", () => {
  it("parse real connection views and name exactly their fields", async () => {
    const admin = await orgMember(database.db, "admin");
    const draft = await createConnection(admin.access, { name: "Draft", profile: "custom", scopes: ["repository", "webhook"] });
    const view = await getConnection(admin.access, draft.id);

    expect(connectionViewSchema.parse(view)).toEqual(view);
    expect(Object.keys(connectionViewSchema.shape).sort()).toEqual(Object.keys(view).sort());
    const status = toConnectionStatus(view);
    expect(connectionStatusSchema.parse(status)).toEqual(status);
  });

  it("parse a view with an account, a grant and a last error", async () => {
    const admin = await orgMember(database.db, "admin");
    const { id } = await createConnection(admin.access, { name: "Granted", profile: "read_only" });
    await database.db.vcsConnection.update({ where: { id }, data: { status: "error", lastErrorCode: "consent_cancelled", lastErrorAt: new Date() } });
    await database.db.vcsGrant.create({
      data: { connectionId: id, accessTokenSealed: "x", expiresAt: new Date(), grantedScopes: "repository", accountUuid: "{u}", accountName: "Alice", accountNickname: null },
    });
    const view = await getConnection(admin.access, id);
    expect(view.account).not.toBeNull();
    expect(connectionViewSchema.parse(view)).toEqual(view);
    expect(connectionStatusSchema.parse(toConnectionStatus(view)).lastError).toMatchObject({ code: "consent_cancelled" });
  });
});
