/** Seal contexts bind each subscription's signing secret to its row. */
export const subscriptionSealContext = {
  secret: (subscriptionId: string) => `webhook_subscription.secret:${subscriptionId}`,
};
