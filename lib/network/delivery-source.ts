import "server-only";
import { env } from "@/lib/env";
import { loadAtlassianRanges } from "./atlassian-ranges";

/** Where a delivery came from and, when the operator keeps Atlassian's ranges, whether it is inside them. */
export type DeliverySource = { address: string; check: "inside_bitbucket_ranges" | "outside_bitbucket_ranges" | "unchecked" } | null;

export function deliverySource(address: string | null): DeliverySource {
  if (!address) return null;
  const ranges = loadAtlassianRanges(env().ATLASSIAN_IP_RANGES_FILE);
  if (ranges.state !== "loaded") return { address, check: "unchecked" };
  return { address, check: ranges.contains(address) ? "inside_bitbucket_ranges" : "outside_bitbucket_ranges" };
}
