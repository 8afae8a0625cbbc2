/** Scenario names, composition ('+'), the per-scenario plan and the ground truth derived from it. */
import { buildModel, FORCE_PREFIX, DOC_PREFIX, type Model, type Person, type Hood, type Role } from './model.js';
import { HOSTILE_ADDONS, planHostile, type HostilePlan, type HostileItem, type RobotsChange } from './hostile.js';

export type BaseScenario = 'clean' | 'herts-2014';
export const BASE_SCENARIOS: Record<BaseScenario, string> = {
  clean: 'Normal site: priorities mention only streets and places; officer names, team e-mails and station addresses only.',
  'herts-2014': 'The October 2014 Hertfordshire upload error: 61 ASB case records (names, home addresses, roles, nature of case) inside local priorities across 12 neighbourhoods, some server-rendered and some loaded client-side from JSON.',
};
export const ADDONS = {
  'hidden-documents': 'XLSX with hidden and very-hidden sheets, hidden rows/columns, cell comments and a defined name; DOCX with a comment and a tracked insertion; PDF whose page 2 holds a DOB and NI number (St Albans City).',
  'js-links': 'Pages reachable only through links inserted by JavaScript after load (crime-prevention pages of 4 neighbourhoods).',
  'sitemap-only': 'Orphan pages linked from no page, listed only in the sitemap (priorities archives of 3 neighbourhoods).',
  'hidden-markup': 'Personal data in alt text, title and data-* attributes, HTML comments, a display:none div, noscript, meta tags and inline JSON state.',
  'calendar-trap': 'Events calendars with endless next/previous-month links and query-parameter explosion (3 neighbourhoods).',
  throttle: 'Some paths answer 429 with Retry-After: 1 the first time they are requested.',
  slow: 'One page takes 3 s to respond.',
  hang: 'A crime-map page whose script loops forever (blocks DOMContentLoaded).',
  'off-scope': 'Links to other origins, mailto:, tel:, javascript:, ftp:, data:, protocol-relative URLs, and redirects to 127.0.0.2, 10.0.0.1 and out of the start prefix.',
  // Hostile and fault add-ons (replica/hostile.ts); pages live under <force>/hostile/.
  ...HOSTILE_ADDONS,
} as const;
export type Addon = keyof typeof ADDONS;
const ADDON_ORDER = Object.keys(ADDONS) as Addon[];

export interface ParsedScenario { name: string; base: BaseScenario; addons: Set<Addon> }

export function validScenarioNames(): string[] {
  return [...Object.keys(BASE_SCENARIOS), ...ADDON_ORDER];
}

/** Parse 'herts-2014+hidden-documents' etc. Returns the canonical name (base first, add-ons in fixed order). */
export function parseScenario(name: string): ParsedScenario {
  if (typeof name !== 'string' || name.trim() === '') throw new Error(`empty scenario name; valid names: ${validScenarioNames().join(', ')} (add-ons combine with '+', e.g. herts-2014+hidden-documents)`);
  const parts = name.split('+').map((p) => p.trim()).filter(Boolean);
  let base: BaseScenario | undefined;
  const addons = new Set<Addon>();
  for (const p of parts) {
    if (p in BASE_SCENARIOS) {
      if (base && base !== p) throw new Error(`scenario '${name}' names two base scenarios; valid names: ${validScenarioNames().join(', ')}`);
      base = p as BaseScenario;
    } else if (p in ADDONS) {
      addons.add(p as Addon);
    } else {
      throw new Error(`unknown scenario '${p}' in '${name}'; valid names: ${validScenarioNames().join(', ')} (add-ons combine with '+', e.g. herts-2014+hidden-documents)`);
    }
  }
  base ??= 'clean';
  const canonical = [base, ...ADDON_ORDER.filter((a) => addons.has(a))].join('+');
  return { name: canonical, base, addons };
}

export function listScenarios(): { name: string; description: string }[] {
  return [
    ...Object.entries(BASE_SCENARIOS).map(([name, description]) => ({ name, description })),
    ...Object.entries(ADDONS).map(([name, description]) => ({ name, description: `${description} Add-on: combine with a base using '+', e.g. herts-2014+${name}.` })),
  ];
}

// ---------------------------------------------------------------------------

export type HiddenKind =
  | 'xlsx-hidden-sheet' | 'xlsx-very-hidden-sheet' | 'xlsx-hidden-row' | 'xlsx-hidden-column' | 'xlsx-comment' | 'xlsx-defined-name'
  | 'docx-comment' | 'docx-tracked-insertion' | 'pdf-page-2'
  | 'alt' | 'title' | 'data-attribute' | 'comment' | 'display-none' | 'noscript' | 'meta' | 'json';

export interface HiddenItem {
  url: string; // page or document path
  kind: HiddenKind;
  location: string; // e.g. "Raw data!A2:G7", "img[alt]", "page 2"
  text: string; // the personal-data text as written
  people: string[]; // names of the synthetic people in it
}

export type { HostileItem, RobotsChange } from './hostile.js';
export interface OffScopeLink { from: string; href: string; kind: string }
export interface RedirectRule { from: string; status: 301 | 302; location: string; kind: string }

export interface Plan {
  parsed: ParsedScenario;
  leaked: boolean;
  hiddenDocs?: { hood: Hood; xlsx: string; docx: string; pdf: string; people: Person[] };
  hidden: HiddenItem[];
  jsOnly: { hood: Hood; path: string }[];
  sitemapOnly: { hood: Hood; path: string }[];
  calendarHoods: Hood[];
  throttled: string[];
  slow: { path: string; ms: number }[];
  hang: { hood: Hood; path: string }[];
  offScope: OffScopeLink[];
  redirects: RedirectRule[];
  hostile: HostilePlan;
}

export const hoodPath = (h: Hood, sub = ''): string => `${FORCE_PREFIX}${h.slug}/${sub}`;

function bySlug(m: Model, slug: string): Hood {
  const h = m.hoods.find((x) => x.slug === slug);
  if (!h) throw new Error(`no hood ${slug}`);
  return h;
}

const DOBS = ['14/03/1987', '02/11/1962', '27/07/1999', '09/01/1975', '30/06/1958', '18/09/2004'];

export function makePlan(m: Model, parsed: ParsedScenario): Plan {
  const a = parsed.addons;
  const plan: Plan = { parsed, leaked: parsed.base === 'herts-2014', hidden: [], jsOnly: [], sitemapOnly: [], calendarHoods: [], throttled: [], slow: [], hang: [], offScope: [], redirects: [], hostile: planHostile(a) };
  plan.redirects.push(...plan.hostile.redirects);
  const X = m.extras;
  if (a.has('hidden-documents')) {
    const hood = bySlug(m, 'st-albans-city');
    const dir = `${DOC_PREFIX}${hood.slug}/`;
    const hd = { hood, xlsx: `${dir}asb-case-review-q3-2026.xlsx`, docx: `${dir}community-safety-panel-minutes-september-2026.docx`, pdf: `${dir}neighbourhood-profile-2026.pdf`, people: X.slice(0, 12) };
    plan.hiddenDocs = hd;
    const P = hd.people;
    const row = (p: Person, i: number): string => `${p.name} | ${p.address.full} | ${DOBS[i % DOBS.length]} | 07700 900${String(100 + i * 37).slice(-3)}`;
    plan.hidden.push(
      { url: hd.xlsx, kind: 'xlsx-hidden-sheet', location: 'Raw data!A2:F7', text: P.slice(0, 6).map(row).join('\n'), people: P.slice(0, 6).map((p) => p.name) },
      { url: hd.xlsx, kind: 'xlsx-very-hidden-sheet', location: 'Lookup!A2:C3', text: `${P[6].name} | QQ 12 34 56 C | ${P[6].address.full}\n${P[7].name} | QQ 65 43 21 B | ${P[7].address.full}`, people: [P[6].name, P[7].name] },
      { url: hd.xlsx, kind: 'xlsx-hidden-row', location: 'Summary!A9:E9', text: `${P[8].name} | ${P[8].address.full} | repeat caller – harassment`, people: [P[8].name] },
      { url: hd.xlsx, kind: 'xlsx-hidden-column', location: 'Summary!F1:F7', text: P.slice(0, 5).map((p) => p.name).join('\n'), people: P.slice(0, 5).map((p) => p.name) },
      { url: hd.xlsx, kind: 'xlsx-comment', location: 'Summary!B3', text: `Complainant is ${P[9].title} ${P[9].name} of ${P[9].address.full} – do not disclose`, people: [P[9].name] },
      { url: hd.xlsx, kind: 'xlsx-defined-name', location: 'ComplainantList', text: `'Raw data'!$A$2:$A$7`, people: P.slice(0, 6).map((p) => p.name) },
      { url: hd.docx, kind: 'docx-comment', location: 'comments', text: `Check with ${P[10].title} ${P[10].name} (${P[10].address.full}) before this goes on the website.`, people: [P[10].name] },
      { url: hd.docx, kind: 'docx-tracked-insertion', location: 'document body, insertion by Panel Clerk', text: `The complainant, ${P[11].title} ${P[11].name} of ${P[11].address.full}, attended the meeting.`, people: [P[11].name] },
      { url: hd.pdf, kind: 'pdf-page-2', location: 'page 2', text: `Name: ${P[6].name}\nDate of birth: ${DOBS[0]}\nNational Insurance number: QQ 12 34 56 C\nAddress: ${P[6].address.full}`, people: [P[6].name] },
    );
  }
  if (a.has('hidden-markup')) {
    const about = hoodPath(bySlug(m, 'watford-central'), 'about-us/');
    const over = hoodPath(bySlug(m, 'stevenage-north'));
    const P = X.slice(12, 20);
    const at = (p: Person): string => `${p.name}, ${p.address.full}`;
    plan.hidden.push(
      { url: about, kind: 'alt', location: 'img.team-photo[alt]', text: `Team photo outside the home of ${at(P[0])}`, people: [P[0].name] },
      { url: about, kind: 'title', location: 'a.contact-link[title]', text: `Complainant: ${at(P[1])}, tel 07700 900417`, people: [P[1].name] },
      { url: about, kind: 'comment', location: '<!-- --> before team list', text: `TODO remove before publishing: victim ${at(P[2])}, DOB 02/05/1979`, people: [P[2].name] },
      { url: about, kind: 'data-attribute', location: 'section.team[data-case-contact]', text: at(P[3]), people: [P[3].name] },
      { url: over, kind: 'display-none', location: 'div.case-notes[style=display:none]', text: `Case notes: ${at(P[4])} reported repeated harassment by ${P[5].name} of ${P[5].address.full}.`, people: [P[4].name, P[5].name] },
      { url: over, kind: 'noscript', location: 'noscript', text: `Enable JavaScript to view the case map for ${at(P[6])}.`, people: [P[6].name] },
      { url: over, kind: 'meta', location: 'meta[name=keywords]', text: `ASB, ${at(P[7])}, harassment`, people: [P[7].name] },
      { url: over, kind: 'json', location: 'script#__INITIAL_STATE__', text: `{"openCase":{"complainant":"${P[4].name}","address":"${P[4].address.full}","phone":"07700 900582","suspect":"${P[5].name}"}}`, people: [P[4].name, P[5].name] },
    );
  }
  if (a.has('js-links')) for (const i of [3, 12, 19, 30]) plan.jsOnly.push({ hood: m.hoods[i], path: hoodPath(m.hoods[i], 'crime-prevention/') });
  if (a.has('sitemap-only')) for (const i of [4, 17, 26]) plan.sitemapOnly.push({ hood: m.hoods[i], path: hoodPath(m.hoods[i], 'priorities/archive/') });
  if (a.has('calendar-trap')) plan.calendarHoods = [0, 6, 15].map((i) => m.hoods[i]);
  if (a.has('throttle')) {
    for (const h of m.hoods) {
      if (h.idx % 4 === 0) plan.throttled.push(hoodPath(h, 'priorities/'));
      if (h.idx % 4 === 2) plan.throttled.push(hoodPath(h, 'news/'));
    }
  }
  if (a.has('slow')) plan.slow.push({ path: hoodPath(m.hoods[5], 'events/'), ms: 3000 });
  if (a.has('hang')) plan.hang.push({ hood: m.hoods[10], path: hoodPath(m.hoods[10], 'crime/map/') });
  if (a.has('off-scope')) {
    const from = FORCE_PREFIX;
    const links: [string, string][] = [
      ['https://www.hertfordshire.gov.uk/services/community-safety/', 'other-origin'],
      ['http://example.org/partners/herts', 'other-origin'],
      ['//cdn.example.net/herts/partners.html', 'protocol-relative'],
      ['mailto:ig.team@herts.pnn.police.uk', 'mailto'],
      ['tel:101', 'tel'],
      ['javascript:void(0)', 'javascript'],
      ['ftp://ftp.example.org/pub/herts/asb-data.csv', 'ftp'],
      ['data:text/html,<p>hello</p>', 'data'],
      [`${FORCE_PREFIX}go/partner-portal/`, 'redirect-other-host'],
      [`${FORCE_PREFIX}go/intranet/`, 'redirect-private-ip'],
      [`${FORCE_PREFIX}old-neighbourhood-pages/`, 'redirect-out-of-prefix'],
      [`${FORCE_PREFIX}go/admin/`, 'redirect-disallowed'],
    ];
    for (const [href, kind] of links) plan.offScope.push({ from, href, kind });
    plan.redirects.push(
      { from: `${FORCE_PREFIX}go/partner-portal/`, status: 302, location: `http://127.0.0.2/pu/your-area/${'hertfordshire-constabulary'}/`, kind: 'other-host' },
      { from: `${FORCE_PREFIX}go/intranet/`, status: 302, location: 'http://10.0.0.1/intranet/', kind: 'private-ip' },
      { from: `${FORCE_PREFIX}old-neighbourhood-pages/`, status: 301, location: '/pu/about-police.uk/accessibility/', kind: 'out-of-prefix' },
      { from: `${FORCE_PREFIX}go/admin/`, status: 302, location: '/__admin/scenario', kind: 'disallowed-by-robots' },
    );
  }
  return plan;
}

// ---------------------------------------------------------------------------

export interface ScenarioTruth {
  caseRecords: {
    id: string;
    url: string; // path of the page showing it
    renderedBy: 'server' | 'client';
    people: { name: string; role: Role; address: string; title?: string; addressAsShown?: string }[];
    nature: string;
    /** client-rendered records: the JSON endpoint the page fetches */
    dataUrl?: string;
    neighbourhood?: string;
  }[];
  dataSubjects: number;
  officers: { name: string; rank: string; neighbourhood: string; neighbourhoodName?: string }[];
  pages: string[];
  documents: string[];
  // --- extensions (always present; empty when the add-on is off) ---
  scenario: string;
  /** HTML pages outside the start prefix (site chrome: home, cookies, accessibility ...). */
  otherPages: string[];
  /** JSON endpoints used by client-rendered priorities pages. */
  apiPaths: string[];
  hiddenItems: HiddenItem[];
  /** Distinct synthetic people across hiddenItems (not counted in dataSubjects, which covers case records only). */
  hiddenSubjects: number;
  /** Path prefixes of crawler traps (calendar); every URL under them is a trap and none is in `pages`. */
  trapPaths: string[];
  jsOnlyPages: string[];
  sitemapOnlyPages: string[];
  throttledPaths: string[];
  slowPaths: string[];
  hangPaths: string[];
  offScopeLinks: OffScopeLink[];
  redirects: RedirectRule[];
  /** Hostile/fault add-ons: each bad URL and what a crawler should do with it (empty when off). */
  hostileItems: HostileItem[];
  /** Ordinary index pages of the hostile add-ons (they link to the bad URLs). */
  hostileIndexPages: string[];
  /** robots-change: the section robots.txt disallows once the site has answered `afterRequests` requests. */
  robotsChange: RobotsChange | null;
}

export const OTHER_PAGES = ['/', '/pu/your-area/', '/pu/report-it/', '/pu/contact-us/', '/pu/about-police.uk/cookies/', '/pu/about-police.uk/accessibility/', '/pu/about-police.uk/privacy-notice/', '/pu/feedback/'];

export const apiPath = (h: Hood): string => `/api/hertfordshire/${h.id}/priorities`;

export function basePages(m: Model): string[] {
  const out = [FORCE_PREFIX];
  for (const h of m.hoods) {
    out.push(hoodPath(h), hoodPath(h, 'about-us/'), hoodPath(h, 'priorities/'), hoodPath(h, 'events/'), hoodPath(h, 'news/'));
    for (const n of h.news) out.push(hoodPath(h, `news/${n.slug}/`));
    out.push(hoodPath(h, 'contact-us/'));
  }
  return out;
}

export function baseDocuments(m: Model): string[] {
  const out = [m.forcePlan];
  for (const h of m.hoods) {
    if (h.newsletter) out.push(h.newsletter);
    if (h.tracker) out.push(h.tracker);
  }
  return out;
}

export function truthFor(m: Model, plan: Plan): ScenarioTruth {
  const caseRecords: ScenarioTruth['caseRecords'] = [];
  const subjects = new Set<string>();
  if (plan.leaked) {
    for (const c of m.cases) {
      const h = m.hoods.find((x) => x.slug === c.hood)!;
      caseRecords.push({
        id: c.id,
        url: hoodPath(h, 'priorities/'),
        renderedBy: h.client ? 'client' : 'server',
        ...(h.client ? { dataUrl: apiPath(h) } : {}),
        neighbourhood: h.slug,
        people: c.people.map((p) => ({ name: p.person.name, role: p.role, address: p.person.address.full, title: p.person.title, addressAsShown: p.shown })),
        nature: c.nature,
      });
      for (const p of c.people) subjects.add(`${p.person.name}|${p.person.address.full}`);
    }
  }
  const pages = basePages(m);
  for (const j of plan.jsOnly) pages.push(j.path);
  for (const s of plan.sitemapOnly) pages.push(s.path);
  for (const hg of plan.hang) pages.push(hg.path);
  const documents = baseDocuments(m);
  if (plan.hiddenDocs) documents.push(plan.hiddenDocs.xlsx, plan.hiddenDocs.docx, plan.hiddenDocs.pdf);
  return {
    scenario: plan.parsed.name,
    caseRecords,
    dataSubjects: subjects.size,
    officers: m.hoods.flatMap((h) => h.officers.map((o) => ({ name: o.name, rank: o.rank, neighbourhood: h.slug, neighbourhoodName: h.name }))),
    pages,
    documents,
    otherPages: OTHER_PAGES.slice(),
    apiPaths: m.hoods.filter((h) => h.client).map(apiPath),
    hiddenItems: plan.hidden,
    hiddenSubjects: new Set(plan.hidden.flatMap((h) => h.people)).size,
    trapPaths: [...plan.calendarHoods.map((h) => hoodPath(h, 'events/calendar/')), ...plan.hostile.trapPaths],
    jsOnlyPages: plan.jsOnly.map((j) => j.path),
    sitemapOnlyPages: plan.sitemapOnly.map((s) => s.path),
    throttledPaths: plan.throttled.slice(),
    slowPaths: plan.slow.map((s) => s.path),
    hangPaths: plan.hang.map((h) => h.path),
    offScopeLinks: plan.offScope,
    redirects: plan.redirects,
    hostileItems: plan.hostile.items,
    hostileIndexPages: plan.hostile.indexPages,
    robotsChange: plan.hostile.robotsChange ?? null,
  };
}

export function scenarioTruth(name: string, seed?: number): ScenarioTruth {
  const parsed = parseScenario(name);
  const m = buildModel(seed);
  return truthFor(m, makePlan(m, parsed));
}
