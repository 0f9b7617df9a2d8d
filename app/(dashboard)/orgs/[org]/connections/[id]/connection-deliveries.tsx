import Link from "next/link";
import { DeliveryLog } from "@/components/delivery-log";
import type { listConnectionDeliveries } from "@/lib/projects/read-projects";

type Deliveries = Awaited<ReturnType<typeof listConnectionDeliveries>>;

/** The newest webhook deliveries to this connection's projects; each links to its project's full log. */
export function ConnectionDeliveries({ orgSlug, deliveries, retentionDays }: { orgSlug: string; deliveries: Deliveries; retentionDays: number }) {
  const projectOf = new Map(deliveries.map((delivery) => [delivery.id, delivery.project]));
  return (
    <section aria-labelledby="connection-deliveries" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="connection-deliveries" className="font-semibold">
        Webhook deliveries
      </h2>
      <p className="mb-2 text-sm text-slate-600">The newest deliveries to this connection&apos;s projects. Deliveries are kept for {retentionDays} days.</p>
      <DeliveryLog
        deliveries={deliveries}
        payloadControl={(deliveryId) => {
          const project = projectOf.get(deliveryId);
          return project ? (
            <Link href={`/orgs/${orgSlug}/projects/${project.id}`} className="text-brand-700 hover:underline">
              {project.fullName}: full log and payload
            </Link>
          ) : null;
        }}
      />
    </section>
  );
}
