import { html, raw, type SafeHtml } from "../html.js";
import type { SeedUser } from "../seed.js";
import { CSRF_FIELD } from "../session.js";

const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f4f5f7;color:#172b4d}
header.top{background:#0052cc;color:#fff;display:flex;align-items:center;justify-content:space-between;padding:0 24px;height:56px}
header.top a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:18px}.brand small{font-weight:400;opacity:.8;margin-left:6px}
header.top form{display:inline;margin-left:12px}
header.top button{background:transparent;color:#fff;border:1px solid #fff;padding:4px 10px}
main{max-width:880px;margin:24px auto;padding:0 16px}
.card{background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(9,30,66,.25);padding:20px 24px;margin-bottom:16px}
h1{font-size:24px;margin:0 0 16px}h2{font-size:18px;margin:0 0 12px}h3{font-size:16px;margin:0 0 8px}
label{display:block;font-weight:600;margin:12px 0 4px}
input[type=text],input[type=url],input[type=password],textarea{width:100%;padding:8px;border:2px solid #dfe1e6;border-radius:3px;font:inherit;background:#fafbfc}
input[aria-invalid=true]{border-color:#de350b}
.field-error{color:#de350b;margin:4px 0 0}
fieldset{border:1px solid #dfe1e6;border-radius:3px;margin:8px 0;padding:8px 12px}
legend{font-weight:600;padding:0 4px}
.check{display:inline-flex;align-items:center;gap:6px;font-weight:400;margin:4px 16px 4px 0}
button,.button{background:#0052cc;color:#fff;border:0;border-radius:3px;padding:8px 14px;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
button.subtle,.button.subtle{background:#ebecf0;color:#42526e}
button.danger{background:#de350b}
.alert{background:#ffebe6;border-left:4px solid #de350b;padding:10px 14px;margin-bottom:16px}
.notice{background:#e3fcef;border-left:4px solid #00875a;padding:10px 14px;margin-bottom:16px}
.muted{color:#6b778c}
code{background:#f4f5f7;padding:2px 4px;border-radius:3px;word-break:break-all}
dl{display:grid;grid-template-columns:160px 1fr;gap:4px 12px;margin:8px 0}dt{color:#6b778c}dd{margin:0}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.actions{display:flex;gap:8px;margin-top:16px;align-items:center}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #dfe1e6}
`);

export interface LayoutOptions {
  title: string;
  user?: SeedUser | undefined;
  csrf?: string | undefined;
  body: SafeHtml;
}

export function csrfInput(csrf: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

export function layout(o: LayoutOptions): SafeHtml {
  const account = o.user
    ? html`<span>Signed in as <strong data-testid="signed-in-user">${o.user.displayName}</strong></span>
        <form method="post" action="/account/signout">${csrfInput(o.csrf ?? "")}<button type="submit">Log out</button></form>`
    : html`<a href="/account/signin">Log in</a>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${o.title} | Bitbucket emulator</title><style>${STYLE}</style></head>
<body><header class="top"><a class="brand" href="/">Bitbucket<small>emulator</small></a><nav>${account}</nav></header>
<main>${o.body}</main></body></html>`;
}
