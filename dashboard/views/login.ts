import { html, type SafeHtml } from '../html.js';

export function loginView(opts: { csrf: string; next: string; error?: string; username?: string }): SafeHtml {
  return html`<div class="login card">
  <h1>Sign in</h1>
  <p class="muted small">Leakwatch review dashboard. Access is restricted to authorised information governance staff.</p>
  ${opts.error ? html`<div class="flash error" role="alert" id="login-error">${opts.error}</div>` : ''}
  <form method="post" action="/login" novalidate>
    <input type="hidden" name="_csrf" value="${opts.csrf}">
    <input type="hidden" name="next" value="${opts.next}">
    <label for="username">User name</label>
    <input id="username" name="username" type="text" autocomplete="username" required value="${opts.username ?? ''}" ${opts.error ? html`aria-describedby="login-error"` : ''} autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button class="primary" type="submit">Sign in</button>
  </form>
</div>`;
}
