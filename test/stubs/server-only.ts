// Vitest runs outside React Server Components; this stands in for the `server-only` guard.
export {};
