import { describe, expect, it } from "vitest";
import { accessTokenCredential, apiTokenCredential } from "./credentials";
import { accessTokensPageUrl, apiTokenScopes, daysUntil, expiryFrom, tokenChecklist } from "./token-setup";

describe("the credential interface", () => {
  it("authenticates access tokens with Bearer and API tokens with Basic email:token; neither refreshes", async () => {
    const access = accessTokenCredential({ token: "ATCTT-x", resource: { kind: "repository", workspace: "acme", key: "docs" }, expiresAt: null });
    expect(access.authorization()).toBe("Bearer ATCTT-x");
    expect(access.identity()).toBe("Repository acme/docs");
    expect(await access.refresh()).toBeNull();
    const end = new Date("2027-01-01T00:00:00Z");
    const api = apiTokenCredential({ email: "alice@acme.example", token: "ATATT-y", account: "Alice", expiresAt: end });
    expect(Buffer.from(api.authorization().replace(/^Basic /, ""), "base64").toString()).toBe("alice@acme.example:ATATT-y");
    expect(api.expiresAt()).toBe(end);
    expect(await api.refresh()).toBeNull();
  });
});

describe("token setup", () => {
  it("links to Bitbucket's Access tokens page of a repository, project or workspace", () => {
    const host = "https://bitbucket.org";
    expect(accessTokensPageUrl(host, "repository", "acme", "docs")).toBe("https://bitbucket.org/acme/docs/admin/access-tokens");
    expect(accessTokensPageUrl(host, "project", "acme", "CORE")).toBe("https://bitbucket.org/acme/workspace/projects/CORE/settings/access-tokens");
    expect(accessTokensPageUrl(host, "workspace", "acme", "")).toBe("https://bitbucket.org/acme/workspace/settings/access-tokens");
    expect(accessTokensPageUrl(host, "repository", "acme", "")).toBeNull();
  });

  it("names permissions in each page's words: the consumer's for access tokens, Atlassian's scopes for API tokens", () => {
    const sync = ["account", "repository:write", "repository:admin", "webhook"];
    expect(tokenChecklist("access_token", sync).map((i) => i.label)).toEqual(["Repositories: Write", "Repositories: Admin", "Webhooks: Read and write"]);
    expect(apiTokenScopes(sync)).toEqual([
      "read:user:bitbucket", "read:workspace:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket",
      "admin:repository:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket",
    ]);
  });

  it("counts expiry from the preset or the chosen date, a started day counting as one", () => {
    const now = new Date("2026-11-30T13:00:00Z");
    expect(expiryFrom({ preset: 90 }, now).toISOString()).toBe("2027-02-28T13:00:00.000Z");
    expect(expiryFrom({ date: "2027-01-15" }, now).toISOString()).toBe("2027-01-15T00:00:00.000Z");
    expect(daysUntil(expiryFrom({ preset: 90 }, now), now)).toBe(90);
    expect(daysUntil(new Date("2026-11-30T20:00:00Z"), now)).toBe(1);
    expect(daysUntil(new Date("2026-11-30T12:00:00Z"), now)).toBe(0);
    expect(daysUntil(new Date("2026-11-28T13:00:00Z"), now)).toBe(-2);
  });
});
