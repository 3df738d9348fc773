import { sandboxPatientUsers, sandboxUsers } from "../sandbox-users";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{padding:.4rem;width:100%}button{margin-top:1rem;padding:.5rem 1rem}
.err{color:#b00020}table{border-collapse:collapse}td{padding:.2rem .6rem;border:1px solid #ccc}</style></head>
<body><p><small>Epic sandbox (local, synthetic data)</small></p>${body}</body></html>`;
}

/** Plain forms so a person or Playwright can click through, as through Epic's MyChart/Hyperspace login. */
export function loginPage(opts: { uid: string; clientId: string; error?: string }): string {
  const users = [...sandboxUsers, ...sandboxPatientUsers.map((u) => ({ ...u, displayName: `${u.displayName} (MyChart patient)` }))]
    .map((u) => `<tr><td><code>${esc(u.username)}</code></td><td><code>${esc(u.password)}</code></td><td>${esc(u.displayName)}</td></tr>`)
    .join("");
  return page("Epic sandbox sign in", `<h1>Sign in</h1>
<p>Application <b>${esc(opts.clientId)}</b> wants to connect.</p>
${opts.error ? `<p class="err" role="alert">${esc(opts.error)}</p>` : ""}
<form method="post" action="/oauth2/interaction/${esc(opts.uid)}/login">
<label for="username">User ID</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log In</button></form>
<h2>Sandbox users</h2><table>${users}</table>`);
}

export function consentPage(opts: { uid: string; clientId: string; user: string; scopes: string[] }): string {
  const items = opts.scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join("");
  return page("Allow access", `<h1>Allow access?</h1>
<p>Signed in as <b>${esc(opts.user)}</b>. <b>${esc(opts.clientId)}</b> asks for:</p><ul>${items}</ul>
<form method="post" action="/oauth2/interaction/${esc(opts.uid)}/consent">
<button type="submit" name="action" value="allow">Allow</button>
<button type="submit" name="action" value="deny">Deny</button></form>`);
}

export function errorPage(message: string): string {
  return page("Error", `<h1>Sign-in error</h1><p class="err">${esc(message)}</p>`);
}
