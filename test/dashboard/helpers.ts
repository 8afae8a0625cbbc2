import type { BrowserContext, Page } from 'playwright-core';

/** Cookie jar for plain HTTP checks (no browser): name=value pairs from Set-Cookie headers. */
export class Jar {
  readonly cookies = new Map<string, string>();
  readonly raw: string[] = [];
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.raw.push(line);
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const csrfFrom = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token in the page');
  return m[1];
};

/** GET with the jar's cookies, no redirects followed. */
export async function get(url: string, jar: Jar, accept = 'text/html'): Promise<Response> {
  const res = await fetch(url, { headers: { cookie: jar.header(), accept }, redirect: 'manual' });
  jar.take(res);
  return res;
}

export async function postForm(url: string, jar: Jar, form: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
  const res = await fetch(url, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
  jar.take(res);
  return res;
}

/** Signs in over plain HTTP; returns the response of the POST. */
export async function httpLogin(origin: string, jar: Jar, username: string, password: string): Promise<Response> {
  const page = await get(`${origin}/login`, jar);
  const token = csrfFrom(await page.text());
  return postForm(`${origin}/login`, jar, { _csrf: token, username, password, next: '/incidents' });
}

export async function browserLogin(page: Page, origin: string, username: string, password: string): Promise<void> {
  await page.goto(`${origin}/incidents`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname === '/incidents'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name.endsWith('lw_session'));
}
