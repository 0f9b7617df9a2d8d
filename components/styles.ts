// Shared class names, so every card and button in the app looks and behaves the same.
export const card = "rounded-xl border border-slate-200 bg-white p-4 sm:p-5";
export const primaryButton =
  "inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-60";
export const secondaryButton = "inline-block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60";
export const dangerButton = "inline-block rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60";
