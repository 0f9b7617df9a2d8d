import { LocalTime } from "@/components/local-time";
import { Notice } from "@/components/notice";
import type { NetworkOverview } from "@/lib/network/read-network";

const SOURCE = "https://ip-ranges.atlassian.com/";

/** Atlassian's published ranges as the operator keeps them, and what the delivery log does with them. */
export function AtlassianRangesPanel({ ranges }: { ranges: NetworkOverview["inbound"]["atlassianRanges"] }) {
  if (ranges.state === "not_configured") {
    return (
      <p className="text-sm text-slate-600">
        Atlassian publishes them as JSON at{" "}
        <a href={SOURCE} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">{SOURCE}</a>. This server may have no
        internet, so an operator saves a copy and names it in <code>ATLASSIAN_IP_RANGES_FILE</code>; then the list appears here and the delivery log
        marks each delivery as inside or outside them.
      </p>
    );
  }
  if (ranges.state === "unreadable") {
    return (
      <Notice tone="error" title={`ATLASSIAN_IP_RANGES_FILE (${ranges.file}) could not be used`}>
        {ranges.message}
      </Notice>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">
        {ranges.cidrs.length} ranges for Bitbucket from <code className="break-all">{ranges.file}</code>
        {ranges.publishedAt ? (
          <>
            , published <LocalTime iso={ranges.publishedAt} />
          </>
        ) : ranges.creationDate ? (
          `, published ${ranges.creationDate}`
        ) : (
          ""
        )}
        . The delivery log marks each delivery as inside or outside them (by the
        address the nearest proxy reports; the signature is what proves a delivery).
      </p>
      <details>
        <summary className="cursor-pointer font-medium text-brand-700">Show the ranges</summary>
        <pre aria-label="Bitbucket's address ranges" className="mt-2 max-h-64 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
          {ranges.cidrs.join("\n")}
        </pre>
      </details>
    </div>
  );
}
