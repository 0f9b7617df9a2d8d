import { html, type SafeHtml } from "../html.js";
import { USERS, workspacesOf, type SeedUser } from "../seed.js";
import { layout } from "./layout.js";

export function homePage(user: SeedUser | undefined, csrf: string): SafeHtml {
  if (!user) {
    return layout({
      title: "Home", csrf,
      body: html`<div class="card"><h1>Bitbucket Cloud emulator</h1>
        <p>Nobody is signed in. <a href="/account/signin">Log in</a> as one of the sandbox users
        (${USERS.map((u) => u.username).join(", ")}).</p></div>`,
    });
  }
  const rows = workspacesOf(user.username).map((w) => {
    const admin = w.members[user.username] === "admin";
    return html`<li data-testid="workspace"><a href="/${w.slug}">${w.name}</a> <code>${w.slug}</code>
      ${admin
        ? html` · <a href="/${w.slug}/workspace/settings/api">OAuth consumers</a> · <a href="/${w.slug}/workspace/settings/oauth-consumers/new">Add consumer</a>`
        : html` <span class="muted">(member)</span>`}</li>`;
  });
  return layout({
    title: "Home", user, csrf,
    body: html`<div class="card"><h1>Welcome, ${user.displayName}</h1>
      <h2>Your workspaces</h2><ul>${rows}</ul></div>`,
  });
}
