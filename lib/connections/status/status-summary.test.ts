import { describe, expect, it } from "vitest";
import { statusSummary, type ConnectionStatus } from "./index";

const many = (status: ConnectionStatus, count: number) => Array.from({ length: count }, () => status);

describe("the status page's summary line", () => {
  it("counts working connections and the ones that need attention", () => {
    expect(statusSummary([...many("connected", 11), "needs_reauthorization"])).toEqual({ text: "11 of 12 connections working; 1 needs attention", tone: "bad" });
  });

  it("says all are working when they are", () => {
    expect(statusSummary(many("connected", 3))).toEqual({ text: "All 3 connections working", tone: "good" });
    expect(statusSummary(["connected"])).toEqual({ text: "1 of 1 connection working", tone: "good" });
  });

  it("counts a working connection that needs attention in both, as a warning", () => {
    expect(statusSummary(["connected", "expiring_soon", "missing_permissions"])).toEqual({ text: "All 3 connections working; 2 need attention", tone: "warning" });
  });

  it("names connections that are not set up or disconnected apart from failing ones", () => {
    expect(statusSummary(["connected", "draft", "disconnected", "error"])).toEqual({ text: "1 of 4 connections working; 1 needs attention; 2 not connected", tone: "bad" });
    expect(statusSummary(["awaiting_authorization"])).toEqual({ text: "0 of 1 connection working; 1 not connected", tone: "neutral" });
  });

  it("has words for an organization without connections", () => {
    expect(statusSummary([]).text).toBe("No connections yet.");
  });
});
