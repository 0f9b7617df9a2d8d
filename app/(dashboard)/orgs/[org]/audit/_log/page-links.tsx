import Link from "next/link";
import { secondaryButton } from "@/components/styles";

const link = `${secondaryButton} focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600`;

/** Newer and Older: each shown only where there are events to go to. */
export function PageLinks({ newerHref, olderHref }: { newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between gap-3">
      {newerHref ? (
        <Link href={newerHref} className={link}>
          <span aria-hidden>←</span> Newer
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} className={link}>
          Older <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
