/** Seal contexts bind each alert destination's webhook URL and signing key to its row. */
export const destinationSealContext = {
  url: (id: string) => `alert_destination.url:${id}`,
  secret: (id: string) => `alert_destination.secret:${id}`,
};
