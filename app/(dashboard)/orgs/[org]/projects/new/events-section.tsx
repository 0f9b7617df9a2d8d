import { card } from "@/components/styles";
import { WEBHOOK_EVENTS } from "@/lib/projects/events";

/** The webhook events each new project's hook subscribes to. */
export function EventsSection({ events, toggleEvent }: { events: Set<string>; toggleEvent: (key: string, checked: boolean) => void }) {
  return (
    <section aria-labelledby="events-heading" className={card}>
      <fieldset>
        <legend id="events-heading" className="font-semibold">
          Webhook events
        </legend>
        <p className="mt-1 mb-3 text-sm text-slate-600">What Bitbucket sends to each new project&apos;s webhook.</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event.key} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
                checked={events.has(event.key)}
                onChange={(change) => toggleEvent(event.key, change.target.checked)}
              />
              <span>
                {event.label} <code className="text-xs text-slate-500">{event.key}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
