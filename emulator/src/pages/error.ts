import { html, type SafeHtml } from "../html.js";
import { layout } from "./layout.js";

export interface ErrorPageOptions {
  title: string;
  message: string;
  detail?: string | undefined;
}

/** Bitbucket-style full-page error (used where Bitbucket refuses to redirect). */
export function errorPage(o: ErrorPageOptions): SafeHtml {
  return layout({
    title: o.title,
    body: html`<div class="card" role="alert" data-testid="error-page">
      <h1>${o.title}</h1><p>${o.message}</p>${o.detail ? html`<p class="muted">${o.detail}</p>` : ""}
      <p><a href="/">Back to the emulator home page</a></p></div>`,
  });
}
