import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./paths";

describe("safeReturnPath", () => {
  it.each(["/dashboard", "/settings/authentication?tab=1", "/projects#top"])("keeps the same-site path %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "/\tjavascript",
    undefined,
    null,
    42,
  ])("sends %s to the dashboard instead", (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });
});
