/** Whether a subscription's space-separated event keys include an event. */
export function subscribedTo(events: string, eventKey: string): boolean {
  return events.split(" ").includes(eventKey);
}
