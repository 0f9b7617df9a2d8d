import { describe, expect, it } from "vitest";
import { PROFILES } from "@/lib/connections/profiles";
import { expandScopes, missingScopes, normalizeScopes, parseScopeList, scopeLabel } from "./scopes";

describe("Bitbucket scopes", () => {
  it("follows implications transitively, as the consumer form does", () => {
    expect([...expandScopes(["pullrequest:write"])].sort()).toEqual(["pullrequest", "pullrequest:write", "repository", "repository:write"]);
    expect([...expandScopes(["account:write"])].sort()).toEqual(["account", "account:write"]);
    expect([...expandScopes(["repository:admin"])]).toEqual(["repository:admin"]);
  });

  it("finds what a grant lacks, counting implied scopes as granted", () => {
    const required = PROFILES.repository_sync.scopes;
    expect(missingScopes(required, ["account", "repository:write", "repository:admin", "webhook"])).toEqual([]);
    expect(missingScopes(required, ["account", "repository:admin", "pullrequest:write"])).toEqual(["webhook"]);
    expect(missingScopes(["repository"], ["project"])).toEqual([]);
  });

  it("labels each scope with the checkbox a person ticks on Bitbucket", () => {
    expect(scopeLabel("webhook")).toBe("Webhooks: Read and write");
    expect(scopeLabel("repository:admin")).toBe("Repositories: Admin");
    expect(scopeLabel("team")).toBe("Workspace membership: Read");
  });

  it("reads both the `scope` and the older `scopes` formats and stores a canonical list", () => {
    expect(parseScopeList("account repository  webhook")).toEqual(["account", "repository", "webhook"]);
    expect(parseScopeList("account,repository")).toEqual(["account", "repository"]);
    expect(normalizeScopes(["webhook", "made-up", "account", "webhook"])).toEqual(["account", "webhook"]);
  });
});
