// Webhook events a project can subscribe to. Apart from the schemas so client components can
// import them without zod, whose eval probe a strict Content-Security-Policy reports.
export const WEBHOOK_EVENTS = [
  { key: "repo:push", label: "Push" },
  { key: "pullrequest:created", label: "Pull request created" },
  { key: "pullrequest:updated", label: "Pull request updated" },
  { key: "pullrequest:fulfilled", label: "Pull request merged" },
  { key: "pullrequest:rejected", label: "Pull request declined" },
  { key: "pullrequest:comment_created", label: "Pull request comment" },
] as const;
export const DEFAULT_EVENTS = ["repo:push", "pullrequest:created", "pullrequest:updated", "pullrequest:fulfilled"];
