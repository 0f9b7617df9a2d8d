import Link from "next/link";
import { Notice } from "./notice";

/** Bitbucket refuses webhook URLs that are not publicly routable; said before anyone adds a project. */
export function AppUrlWarning({ message, networkHref }: { message: string; networkHref?: string }) {
  return (
    <Notice tone="warning" title="Bitbucket cannot deliver webhooks to this instance">
      <p>
        {message} Bitbucket refuses webhook URLs it cannot reach from the internet, so adding a project&apos;s webhook will fail or its
        deliveries will never arrive.
      </p>
      <p className="mt-1">
        Set <code>APP_URL</code> to the public https address people and Bitbucket use (a reverse proxy or tunnel in front of this server).
        {networkHref ? (
          <>
            {" "}
            <Link href={networkHref} className="font-medium underline">
              Network settings
            </Link>{" "}
            has the details.
          </>
        ) : null}
      </p>
    </Notice>
  );
}
