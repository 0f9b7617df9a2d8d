import { html, type SafeHtml } from "../html.js";
import { USERS } from "../seed.js";
import { csrfInput, layout } from "./layout.js";

export interface SigninPageOptions {
  next: string;
  csrf: string;
  username?: string;
  error?: string | undefined;
}

export function signinPage(o: SigninPageOptions): SafeHtml {
  const users = USERS.map(
    (u) => html`<tr><td>${u.displayName}</td><td><code>${u.username}</code></td><td><code>${u.password}</code></td></tr>`,
  );
  return layout({
    title: "Log in",
    body: html`<div class="card"><h1>Log in to Bitbucket</h1>
      ${o.error ? html`<div class="alert" role="alert">${o.error}</div>` : ""}
      <form method="post" action="/account/signin">
        ${csrfInput(o.csrf)}<input type="hidden" name="next" value="${o.next}">
        <label for="username">Username</label>
        <input type="text" id="username" name="username" autocomplete="username" value="${o.username ?? ""}" required>
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <div class="actions"><button type="submit">Log in</button></div>
      </form></div>
      <div class="card"><h2>Sandbox users</h2>
        <p class="muted">This is an emulator: these accounts exist only here.</p>
        <table><thead><tr><th>Name</th><th>Username</th><th>Password</th></tr></thead><tbody>${users}</tbody></table>
      </div>`,
  });
}
