import { describe, expect, it } from "vitest";
import { workspaceSlugInput } from "./workspace-slug";

const failure = (value: string) => {
  const result = workspaceSlugInput.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues[0]?.message;
};

describe("a workspace slug typed by a person", () => {
  it("takes Bitbucket's slugs, trimmed and lowercased as Bitbucket writes them", () => {
    expect(workspaceSlugInput.parse("acme")).toBe("acme");
    expect(workspaceSlugInput.parse(" carol-labs ")).toBe("carol-labs");
    expect(workspaceSlugInput.parse("Team_2")).toBe("team_2");
    expect(workspaceSlugInput.parse("a".repeat(62))).toBe("a".repeat(62));
  });

  it("refuses anything else with a message that names the field and says what fits", () => {
    for (const value of ["https://bitbucket.org/acme", "my workspace", "acme.io", "-acme", "ac/me"]) {
      expect(failure(value)).toBe("Workspace slug may hold only letters, digits, - and _, starting with a letter or digit.");
    }
    expect(failure("  ")).toMatch(/^Workspace slug is required/);
    expect(failure("a".repeat(63))).toBe("Workspace slug is at most 62 characters.");
  });
});
