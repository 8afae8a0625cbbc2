/**
 * The deterministic content model of the replica: neighbourhoods, teams, priorities, events,
 * news and (for herts-2014) leaked ASB case records. Synchronous and pure for a given seed.
 */
import { Faker, en_GB, en, base } from '@faker-js/faker';
import { Rng, hash32 } from './rng.js';
import { NAME_SETS, BRITISH_FIRST, BRITISH_LAST, surnameFor, TITLES, STREET_STEMS, STREET_TYPES, INWARD_LETTERS, NATURES, type Gender } from './names.js';

export const FORCE_SLUG = 'hertfordshire-constabulary';
export const FORCE_ID = 'hertfordshire';
export const FORCE_NAME = 'Hertfordshire Constabulary';
export const FORCE_PREFIX = `/pu/your-area/${FORCE_SLUG}/`;
export const DOC_PREFIX = `/SysSiteAssets/media/downloads/${FORCE_ID}/`;
export const DEFAULT_SEED = 20141009;

export type Role = 'victim' | 'perpetrator' | 'witness' | 'complainant' | 'suspect';

export interface Street { name: string; town: string; postcode: string }
export interface Address { number: number; street: Street; full: string; short: string }
export interface Person { title: string; name: string; gender: Gender; address: Address }
export interface Officer { name: string; rank: 'Inspector' | 'Sgt' | 'PC' | 'PCSO'; bio: string; neighbourhood: string }
export interface Priority { issue: string; 'issue-date': string; action: string | null; 'action-date': string | null }
export interface EventItem { title: string; type: string; description: string | null; address: string; start_date: string; end_date: string }
export interface NewsItem { slug: string; title: string; date: string; summary: string; paragraphs: string[] }
export interface CaseRecord {
  id: string;
  hood: string; // slug
  people: { person: Person; role: Role; shown: string }[];
  nature: string;
  priority: Priority;
}
export interface Hood {
  idx: number;
  id: string; // data.police.uk-style neighbourhood id
  slug: string;
  name: string;
  district: string;
  towns: { town: string; outward: string[] }[];
  client: boolean; // priorities rendered client-side from JSON
  email: string;
  stationPhone: string;
  station: { name: string; address: string };
  description: string;
  streets: Street[];
  places: string[];
  officers: Officer[];
  priorities: Priority[]; // clean priorities
  events: EventItem[];
  news: NewsItem[];
  newsletter?: string; // document path
  tracker?: string; // document path
}
export interface Model { seed: number; hoods: Hood[]; cases: CaseRecord[]; forcePlan: string; /** spare synthetic people for add-on scenarios */ extras: Person[] }

const DISTRICTS: [string, string, [string, string[]][]][] = [
  // [neighbourhood, district, [[town, outward codes]]]
  ['Hitchin Urban', 'North Herts', [['Hitchin', ['SG4', 'SG5']]]],
  ['Hitchin Rural', 'North Herts', [['Pirton', ['SG5']], ['Ickleford', ['SG5']], ['Codicote', ['SG4']]]],
  ['Letchworth Garden City', 'North Herts', [['Letchworth Garden City', ['SG6']]]],
  ['Baldock and Rural North Herts', 'North Herts', [['Baldock', ['SG7']], ['Ashwell', ['SG7']]]],
  ['Royston', 'North Herts', [['Royston', ['SG8']]]],
  ['Stevenage North', 'Stevenage', [['Stevenage', ['SG1']]]],
  ['Stevenage Central', 'Stevenage', [['Stevenage', ['SG1', 'SG2']]]],
  ['Stevenage South', 'Stevenage', [['Stevenage', ['SG2']]]],
  ['Hemel Hempstead Town', 'Dacorum', [['Hemel Hempstead', ['HP1', 'HP2']]]],
  ['Hemel Hempstead North', 'Dacorum', [['Hemel Hempstead', ['HP2']]]],
  ['Hemel Hempstead South', 'Dacorum', [['Hemel Hempstead', ['HP3']]]],
  ['Berkhamsted and Tring', 'Dacorum', [['Berkhamsted', ['HP4']], ['Tring', ['HP23']]]],
  ['Dacorum Rural', 'Dacorum', [['Kings Langley', ['WD4']], ['Bovingdon', ['HP3']], ['Markyate', ['AL3']]]],
  ['St Albans City', 'St Albans', [['St Albans', ['AL1', 'AL3']]]],
  ['St Albans Rural', 'St Albans', [['London Colney', ['AL2']], ['Wheathampstead', ['AL4']], ['Redbourn', ['AL3']]]],
  ['Harpenden', 'St Albans', [['Harpenden', ['AL5']]]],
  ['Watford Central', 'Watford', [['Watford', ['WD17', 'WD18']]]],
  ['Watford North', 'Watford', [['Watford', ['WD24', 'WD25']]]],
  ['Watford West', 'Watford', [['Watford', ['WD18', 'WD19']]]],
  ['Rickmansworth', 'Three Rivers', [['Rickmansworth', ['WD3']]]],
  ['South Oxhey', 'Three Rivers', [['South Oxhey', ['WD19']]]],
  ['Abbots Langley', 'Three Rivers', [['Abbots Langley', ['WD5']]]],
  ['Borehamwood', 'Hertsmere', [['Borehamwood', ['WD6']]]],
  ['Bushey', 'Hertsmere', [['Bushey', ['WD23']]]],
  ['Potters Bar', 'Hertsmere', [['Potters Bar', ['EN6']]]],
  ['Welwyn Garden City', 'Welwyn Hatfield', [['Welwyn Garden City', ['AL7', 'AL8']]]],
  ['Hatfield', 'Welwyn Hatfield', [['Hatfield', ['AL10']]]],
  ['Hertford', 'East Herts', [['Hertford', ['SG13', 'SG14']]]],
  ["Bishop's Stortford", 'East Herts', [["Bishop's Stortford", ['CM23']]]],
  ['Ware', 'East Herts', [['Ware', ['SG12']]]],
  ['Cheshunt', 'Broxbourne', [['Cheshunt', ['EN7', 'EN8']]]],
  ['Hoddesdon', 'Broxbourne', [['Hoddesdon', ['EN11']]]],
  ['Waltham Cross', 'Broxbourne', [['Waltham Cross', ['EN8']]]],
];

/** Real street names from the Herts priorities examples, pinned to their neighbourhoods. */
const PINNED_STREETS: Record<string, [string, number][]> = {
  'hemel-hempstead-town': [['Ringlet Road', 0], ['Admiral Avenue', 0], ['Peacock Court', 0]],
  'berkhamsted-and-tring': [['Pheasant Close', 0], ['Dorset Close', 0], ['Station Road', 1]],
  'hitchin-urban': [['Guildhall Lane', 0], ['Walsworth Road', 0], ['Bancroft', 0], ['Station Road', 0]],
};
/** Clean priorities in the style of real Herts ones (hemeltoday.co.uk 2023; neighbourhoodalert.co.uk). */
const PINNED_PRIORITIES: Record<string, [string, string | null]> = {
  'hemel-hempstead-town': ['Tackle anti-social behaviour in the Swallowfields estate, including Ringlet Road, Admiral Avenue and Peacock Court.', 'Weekly high-visibility patrols and a dispersal order over the summer holidays. Youth outreach sessions run with the council.'],
  'berkhamsted-and-tring': ['Reduce incidents of anti-social behaviour in Pheasant Close and Dorset Close in Berkhamsted, and Station Road in Tring.', 'Two Community Protection Warnings issued. Extra patrols on Friday and Saturday evenings.'],
  'hitchin-urban': ['Tackle HGV and waste-carrier offences on Station Road.', 'Joint operation with the DVSA and North Herts Council: 21 vehicles stopped and 5 drivers reported for offences.'],
};


export function slugify(s: string): string {
  return s.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Generates unique synthetic people. Uses a seeded Faker (en_GB first names) plus hand-written lists. */
export class PersonFactory {
  private used = new Set<string>();
  private faker: Faker;
  constructor(private rng: Rng, seed: number) {
    this.faker = new Faker({ locale: [en_GB, en, base] });
    this.faker.seed(seed);
  }
  reserve(name: string): void {
    this.used.add(name);
  }
  name(opts: { ascii?: boolean } = {}): { first: string; last: string; gender: Gender; full: string } {
    for (let attempt = 0; attempt < 500; attempt++) {
      const g: Gender = this.rng.chance(0.5) ? 'f' : 'm';
      let first: string;
      let last: string;
      if (this.rng.chance(0.45)) {
        // faker's en_GB locale has US-flavoured first names, so draw from British lists with the seeded faker
        first = this.faker.helpers.arrayElement(BRITISH_FIRST[g]);
        last = this.faker.helpers.arrayElement(BRITISH_LAST);
      } else {
        const set = this.rng.pick(NAME_SETS);
        first = this.rng.pick(set.first[g]);
        last = surnameFor(this.rng.pick(set.last), g);
      }
      if (opts.ascii && /[^\x20-\x7e]/.test(first + last)) continue;
      const full = `${first} ${last}`;
      if (this.used.has(full)) continue;
      this.used.add(full);
      return { first, last, gender: g, full };
    }
    throw new Error('name space exhausted');
  }
}

export function postcode(rng: Rng, outward: string): string {
  const L = INWARD_LETTERS;
  return `${outward} ${rng.int(1, 9)}${L[rng.int(0, L.length - 1)]}${L[rng.int(0, L.length - 1)]}`;
}

function dateIso(d: Date): string {
  return d.toISOString().slice(0, 19);
}
function addDays(iso: string, days: number): string {
  const d = new Date(iso + 'Z');
  d.setUTCDate(d.getUTCDate() + days);
  return dateIso(d);
}

export function makeAddress(number: number, street: Street): Address {
  return { number, street, full: `${number} ${street.name}, ${street.town} ${street.postcode}`, short: `${number} ${street.name}` };
}

function buildHood(idx: number, def: (typeof DISTRICTS)[number], rng: Rng, pf: PersonFactory): Hood {
  const [name, district, towns] = def;
  const slug = slugify(name);
  const mainTown = towns[0][0];
  // streets
  const streets: Street[] = [];
  const seen = new Set<string>();
  const sectorFor = new Map<string, string>();
  const mkStreet = (sname: string, townIdx: number): void => {
    if (seen.has(sname)) return;
    seen.add(sname);
    const [town, outs] = towns[townIdx % towns.length];
    const out = rng.pick(outs);
    streets.push({ name: sname, town, postcode: postcode(rng, out) });
    sectorFor.set(sname, out);
  };
  for (const [s, ti] of PINNED_STREETS[slug] ?? []) mkStreet(s, ti);
  while (streets.length < 14) mkStreet(`${rng.pick(STREET_STEMS)} ${rng.pick(STREET_TYPES)}`, rng.int(0, towns.length - 1));
  const places = [
    `${mainTown} town centre`,
    `${rng.pick(STREET_STEMS)} Park`,
    `${rng.pick(STREET_STEMS)} Recreation Ground`,
    `${rng.pick(STREET_STEMS)} Primary School`,
    `the ${rng.pick(['bus station', 'railway station', 'shopping parade', 'market square', 'leisure centre car park'])}`,
  ];
  const stationStreet = rng.pick(['High Street', 'Church Street', 'Queens Road', 'Hatfield Road', 'Bridge Street', 'London Road', 'Stevenage Road', 'Bancroft', 'Combe Street', 'Shady Lane']);
  const station = {
    name: `${mainTown} Police Station`,
    address: `${rng.int(1, 80)} ${stationStreet}, ${mainTown} ${postcode(rng, towns[0][1][0])}`,
  };
  // team
  const officers: Officer[] = [];
  const addOfficer = (rank: Officer['rank']): void => {
    const n = pf.name({ ascii: true });
    const joined = rng.int(2003, 2023);
    const bio = officerBio(rng, rank, n.first, name, joined);
    officers.push({ name: n.full, rank, bio, neighbourhood: slug });
  };
  if (idx % 3 === 0) addOfficer('Inspector');
  addOfficer('Sgt');
  for (let i = rng.int(2, 3); i > 0; i--) addOfficer('PC');
  for (let i = rng.int(2, 3); i > 0; i--) addOfficer('PCSO');

  const s = (): string => rng.pick(streets).name;
  const townOf = (): string => rng.pick(towns)[0];
  const issueDate = (): string => dateIso(new Date(Date.UTC(2026, rng.int(4, 8), rng.int(1, 28))));
  const PRIORITY_TEMPLATES: (() => [string, string | null])[] = [
    () => {
      const a = s();
      let b = s();
      if (b === a) b = streets[(streets.findIndex((x) => x.name === a) + 1) % streets.length].name;
      return [`Reduce anti-social behaviour in ${a} and ${b}, ${townOf()}.`, `Increased high-visibility foot patrols at key times. Two Community Protection Warnings issued and joint visits carried out with the council's ASB officer.`];
    },
    () => [`Tackle HGV and waste-carrier offences on ${s()}.`, `Joint operation with the DVSA and the council: ${rng.int(8, 30)} vehicles stopped, ${rng.int(2, 7)} drivers reported for offences and ${rng.int(1, 4)} vehicles seized.`],
    () => [`Reduce burglary and theft from vehicles around ${s()} and ${rng.pick(places)}.`, `Crime prevention advice given door to door and at ${rng.int(2, 5)} pop-up events; ${rng.int(20, 90)} vehicles checked and owners advised.`],
    () => [`Address speeding and inconsiderate parking near ${places[3]} on ${s()}.`, `Speed checks carried out with Community Speed Watch volunteers. Parking tickets issued with the council's civil enforcement officers.`],
    () => [`To reduce street drinking and drug use in and around ${places[0]}.`, `Dispersal orders used on ${rng.int(2, 6)} occasions; ${rng.int(2, 9)} people referred to support services. Test purchase operation carried out with licensed premises.`],
    () => [`Reduce shoplifting and business crime in ${mainTown}.`, `Shop Watch radio scheme relaunched; ${rng.int(3, 12)} arrests for theft and Criminal Behaviour Order applications made.`],
    () => [`Disrupt drug supply and county lines activity affecting the ${s()} area.`, null],
    () => [`Reduce catalytic converter theft in ${s()} and surrounding roads.`, `Free catalytic converter marking offered at ${places[4]}. Patrols increased overnight.`],
    () => [`Tackle nuisance motorbikes and off-road vehicles on ${places[1]}.`, `Section 59 warnings issued; ${rng.int(1, 4)} bikes seized with the Rural Operational Support Team.`],
  ];
  const priorities: Priority[] = [];
  const pinned = PINNED_PRIORITIES[slug];
  if (pinned) {
    const d = issueDate();
    priorities.push({ issue: `<p>${esc(pinned[0])}</p>`, 'issue-date': d, action: pinned[1] ? `<p>${esc(pinned[1])}</p>` : null, 'action-date': pinned[1] ? addDays(d, 45) : null });
  }
  for (const t of rng.shuffle(PRIORITY_TEMPLATES).slice(0, rng.int(2, 4) - (pinned ? 1 : 0))) {
    const [issue, action] = t();
    const d = issueDate();
    const hasAction = action !== null && rng.chance(0.75);
    priorities.push({ issue: `<p>${esc(issue)}</p>`, 'issue-date': d, action: hasAction ? `<p>${esc(action!)}</p>` : null, 'action-date': hasAction ? addDays(d, rng.int(20, 90)) : null });
  }

  // events
  const events: EventItem[] = [];
  const EVENT_TYPES: [string, string, string | null][] = [
    ['Drop In Beat Surgery', 'meeting', 'Come and meet your local Safer Neighbourhood Team and raise any concerns.'],
    ['Cuppa with a Copper', 'meeting', 'An informal chance to chat to your local officers over a cup of tea.'],
    ['Bike marking event', 'other', 'Bring your bike along to have it security marked and registered for free.'],
    ['Community Panel Meeting', 'meeting', null],
    ['Rural Watch meeting', 'meeting', 'For farmers, landowners and rural residents.'],
    ['Catalytic converter marking', 'other', 'Free marking kits while stocks last.'],
  ];
  const VENUE_KINDS = ['Community Centre', 'Library', 'Leisure Centre', 'Methodist Church Hall', 'Village Hall', 'Community Hub'];
  for (const [i, ev] of rng.shuffle(EVENT_TYPES).slice(0, rng.int(2, 3)).entries()) {
    const st = rng.pick(streets);
    const venue = `${rng.pick([st.town, rng.pick(STREET_STEMS)])} ${rng.pick(VENUE_KINDS)}`;
    const start = new Date(Date.UTC(2026, 9 + (i % 2), rng.int(2, 27), rng.pick([10, 11, 14, 18, 19]), rng.pick([0, 30])));
    const end = new Date(start.getTime() + rng.pick([1, 2]) * 3600_000);
    events.push({ title: ev[0], type: ev[1], description: ev[2], address: `${venue}, ${rng.int(1, 60)} ${st.name}, ${st.town} ${st.postcode}`, start_date: dateIso(start), end_date: dateIso(end) });
  }
  events.sort((a, b) => a.start_date.localeCompare(b.start_date));

  // news
  const news: NewsItem[] = [];
  const pcs = officers.filter((o) => o.rank === 'PC');
  const NEWS: (() => Omit<NewsItem, 'slug' | 'date'>)[] = [
    () => {
      const st = s();
      const ref = `41/${rng.int(10000, 99999)}/26`;
      return {
        title: `Appeal for witnesses after burglary in ${st}, ${mainTown}`,
        summary: `Officers are appealing for witnesses after a house was broken into in ${st}.`,
        paragraphs: [
          `Officers are appealing for witnesses after a burglary at a property in ${st}, ${mainTown}, between 6pm and 10pm on ${rng.int(2, 27)} September.`,
          `It was reported that entry was forced through a rear window and jewellery and a laptop were taken.`,
          `${rng.pick(pcs).name.replace(/^/, 'PC ')}, who is investigating, said: "We are keen to hear from anyone who saw anything suspicious in the area, or who has doorbell or dashcam footage."`,
          `Anyone with information is asked to contact police online, via webchat or by calling 101, quoting crime reference ${ref}. Always call 999 in an emergency.`,
        ],
      };
    },
    () => ({
      title: `Vehicle crime warning for ${mainTown} residents`,
      summary: `Residents are being urged to keep vehicles locked and valuables out of sight.`,
      paragraphs: [
        `The ${name} Safer Neighbourhood Team is reminding residents to keep vehicles locked after a rise in thefts from cars in the ${s()} area.`,
        `Never leave valuables on display, and consider a steering lock. Report anything suspicious to us online or by calling 101.`,
      ],
    }),
    () => {
      const st = s();
      return {
        title: `Arrest after drugs warrant in ${st}`,
        summary: `A man has been arrested after a warrant was carried out at an address in ${st}.`,
        paragraphs: [
          `A ${rng.int(19, 45)}-year-old man from ${mainTown} has been arrested on suspicion of possession with intent to supply Class A drugs after officers executed a warrant at an address in ${st}.`,
          `He has been released on bail while enquiries continue. The warrant followed information from the local community; please keep telling us about drug dealing in your area.`,
        ],
      };
    },
    () => ({
      title: `Week of action in ${mainTown}`,
      summary: `Officers carried out a week of action targeting anti-social behaviour and shoplifting.`,
      paragraphs: [
        `During the week the team made ${rng.int(3, 12)} arrests, carried out ${rng.int(10, 40)} stop checks and visited ${rng.int(5, 20)} businesses in ${places[0]}.`,
        `Sgt ${officers.find((o) => o.rank === 'Sgt')!.name} said: "Thank you to everyone who came to speak to us during the week."`,
      ],
    }),
    () => ({
      title: `Have your say on local policing priorities in ${name}`,
      summary: `Tell us what matters most to you so we can set the next priorities.`,
      paragraphs: [
        `Every four months we set new local priorities based on what residents tell us. The survey is open until the end of the month.`,
        `You can also speak to us at any of our upcoming events listed on our events page.`,
      ],
    }),
  ];
  const usedSlugs = new Set<string>();
  for (const mk of rng.shuffle(NEWS).slice(0, rng.int(1, 3))) {
    const n = mk();
    let sl = slugify(n.title);
    while (usedSlugs.has(sl)) sl += '-2';
    usedSlugs.add(sl);
    news.push({ ...n, slug: sl, date: dateIso(new Date(Date.UTC(2026, 8, rng.int(1, 29), 9 + rng.int(0, 8), rng.int(0, 59)))) });
  }
  news.sort((a, b) => b.date.localeCompare(a.date));

  const teamMail = `${slugify(name).replace(/-and-.*$/, '').replace(/-/g, '')}.snt@herts.pnn.police.uk`;
  return {
    idx,
    id: `${district.replace(/[^A-Z]/g, '') || 'H'}${String(idx + 1).padStart(2, '0')}`,
    slug,
    name,
    district,
    towns: towns.map(([town, outward]) => ({ town, outward })),
    client: idx % 2 === 1,
    email: teamMail,
    stationPhone: `01632 960${String(100 + idx * 7).padStart(3, '0')}`,
    station,
    description: `The ${name} neighbourhood covers ${towns.map((t) => t[0]).join(', ').replace(/, ([^,]*)$/, ' and $1')} in the ${district} district. Your Safer Neighbourhood Team is led by a sergeant and made up of police constables and police community support officers who work closely with the council and local partners.`,
    streets,
    places,
    officers,
    priorities,
    events,
    news,
  };
}

function officerBio(rng: Rng, rank: Officer['rank'], first: string, hood: string, joined: number): string {
  const role = { Inspector: 'the district Inspector', Sgt: 'the Safer Neighbourhood Team Sergeant', PC: 'a Safer Neighbourhood PC', PCSO: 'a Police Community Support Officer' }[rank];
  const extra = rng.pick([
    'Outside work I enjoy walking in the Chilterns and supporting my local football club.',
    'I have a particular interest in tackling rural crime and supporting victims of fraud.',
    'Before joining the police I worked in retail, so I understand the impact of business crime.',
    'I am the team lead for our Neighbourhood Watch schemes and school engagement.',
    'I speak Polish and Punjabi and enjoy working with all of our communities.',
    'I am passionate about road safety and run our Community Speed Watch sessions.',
  ]);
  return `${first} joined Hertfordshire Constabulary in ${joined} and is ${role} for ${hood}. ${extra}`;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------
// herts-2014: leaked ASB case records

const CASE_HOOD_PLAN: [string, number][] = [
  // 9 records in Dacorum (press reports in 2014 said 9 of the people affected lived in Dacorum)
  ['hemel-hempstead-town', 4], // server
  ['berkhamsted-and-tring', 3], // client
  ['dacorum-rural', 2], // server
  ['hitchin-urban', 6], // server
  ['stevenage-south', 6], // client
  ['watford-north', 6], // client
  ['st-albans-city', 6], // client
  ['cheshunt', 6], // server
  ['borehamwood', 6], // server
  ['hatfield', 6], // server
  ['welwyn-garden-city', 5], // client
  ['south-oxhey', 5], // server
];
/** [hood slug, record index reusing the perpetrator of record index 1] */
const REPEATS: [string, number][] = [['hitchin-urban', 4], ['watford-north', 3], ['cheshunt', 5], ['borehamwood', 4]];

function buildCases(model: Omit<Model, 'cases' | 'extras'>, rng: Rng, pf: PersonFactory): CaseRecord[] {
  const total = CASE_HOOD_PLAN.reduce((a, [, n]) => a + n, 0);
  if (total !== 61) throw new Error(`case plan sums to ${total}`);
  const out: CaseRecord[] = [];
  let seq = 0;
  for (const [slug, count] of CASE_HOOD_PLAN) {
    const hood = model.hoods.find((h) => h.slug === slug);
    if (!hood) throw new Error(`no hood ${slug}`);
    const repeatAt = REPEATS.find(([s]) => s === slug)?.[1];
    let firstPerp: Person | undefined;
    for (let i = 0; i < count; i++) {
      seq++;
      const mustHavePerp = repeatAt !== undefined && (i === 1 || i === repeatAt);
      let n = rng.pick([1, 2, 2, 2, 2, 3, 3, 3]);
      if (mustHavePerp && n < 2) n = 2;
      const street = rng.pick(hood.streets);
      const vHouse = rng.int(1, 140);
      const taken = new Set<string>([`${vHouse} ${street.name}`]);
      const mkPerson = (near: boolean): Person => {
        const nm = pf.name();
        let st = near ? street : rng.pick(hood.streets);
        let num = near ? Math.max(1, vHouse + rng.pick([-2, 2, 1, -1, 4])) : rng.int(1, 160);
        while (taken.has(`${num} ${st.name}`)) {
          num = rng.int(1, 160);
          st = rng.pick(hood.streets);
        }
        taken.add(`${num} ${st.name}`);
        return { title: rng.pick(TITLES[nm.gender]), name: nm.full, gender: nm.gender, address: makeAddress(num, st) };
      };
      const victim: Person = (() => {
        const nm = pf.name();
        return { title: rng.pick(TITLES[nm.gender]), name: nm.full, gender: nm.gender, address: makeAddress(vHouse, street) };
      })();
      let perp: Person | undefined;
      let witness: Person | undefined;
      if (n >= 2) {
        perp = i === repeatAt && firstPerp ? firstPerp : mkPerson(rng.chance(0.6));
        taken.add(`${perp.address.number} ${perp.address.street.name}`);
        if (i === 1 && repeatAt !== undefined) firstPerp = perp;
      }
      if (n === 3) witness = mkPerson(rng.chance(0.5));
      const nature = rng.pick(NATURES);
      const ref = `SN/${rng.int(24, 26)}/${String(rng.int(1000, 99999)).padStart(5, '0')}`;
      const singleIsPerp = n === 1 && rng.chance(0.4);
      const rec = renderCase(rng, { victim, perp, witness, nature, ref, singleIsPerp });
      const issueDate = dateIso(new Date(Date.UTC(2026, rng.int(6, 8), rng.int(1, 28))));
      const actDate = rec.action ? addDays(issueDate, rng.int(3, 30)) : null;
      out.push({
        id: `herts-2014-${String(seq).padStart(3, '0')}`,
        hood: slug,
        people: rec.people,
        nature: nature.short,
        priority: { issue: rec.issue, 'issue-date': issueDate, action: rec.action, 'action-date': actDate },
      });
    }
  }
  return out;
}

function renderCase(
  rng: Rng,
  c: { victim: Person; perp?: Person; witness?: Person; nature: (typeof NATURES)[number]; ref: string; singleIsPerp: boolean },
): { issue: string; action: string | null; people: CaseRecord['people'] } {
  const { victim: v, perp: p, witness: w, nature, ref } = c;
  const t = (x: Person): string => (rng.chance(0.75) ? `${x.title} ${x.name}` : x.name);
  const sameStreet = (a: Person, b: Person): boolean => a.address.street === b.address.street;
  const people: CaseRecord['people'] = [];
  const add = (person: Person, role: Role, shown: string): string => {
    people.push({ person, role, shown });
    return shown;
  };
  const Nat = nature.long[0].toUpperCase() + nature.long.slice(1);
  let issue: string;
  if (!p && !w) {
    if (c.singleIsPerp) {
      const forms = [
        () => `Perpetrator: ${esc(t(v))}, ${esc(add(v, 'perpetrator', v.address.full))}. Nature: ${esc(nature.long)}. Victims: various residents.`,
        () => `${esc(v.name)} of ${esc(add(v, 'suspect', v.address.full))} is believed to be responsible for ${esc(nature.long)} affecting residents of ${esc(v.address.street.name)}.`,
      ];
      issue = `<p>${rng.pick(forms)()}</p>`;
    } else {
      const forms = [
        () => `Victim: ${esc(t(v))}, ${esc(add(v, 'victim', v.address.full))}. Perpetrator: unknown youths. Nature: ${esc(nature.long)}.`,
        () => `Ongoing ${esc(nature.short)} reported by ${esc(t(v))} of ${esc(add(v, 'complainant', v.address.full))}; offenders not yet identified.`,
      ];
      issue = `<p>${rng.pick(forms)()}</p>`;
    }
  } else {
    let form = rng.int(0, 5);
    if (form === 1 && !nature.personal) form = 0; // "ongoing <nature> of <person>" only reads right for person-directed behaviour
    const pAddr = (role: Role): string => add(p!, role, sameStreet(v, p!) && form !== 2 && form !== 3 ? p!.address.short : p!.address.full);
    const wPart = (fmt: (name: string, addr: string) => string): string => (w ? fmt(w.name, add(w, 'witness', w.address.full)) : '');
    switch (form) {
      case 0: {
        const vs = add(v, 'victim', v.address.full);
        const ps = pAddr('perpetrator');
        issue = `<p>Victim: ${esc(t(v))}, ${esc(vs)}. Perpetrator: ${esc(t(p!))}, ${esc(ps)}. ${esc(wPart((n, a) => `Witness: ${n}, ${a}. `))}Nature: ${esc(nature.long)}.</p>`;
        break;
      }
      case 1: {
        const vs = add(v, 'victim', v.address.full);
        const ps = pAddr('perpetrator');
        issue = `<p>Ongoing ${esc(nature.short)} of ${esc(t(v))} at ${esc(vs)} by a neighbour, ${esc(t(p!))} of ${esc(ps)}.${esc(wPart((n, a) => ` Independent witness ${n} (${a}) has provided a statement.`))}</p>`;
        break;
      }
      case 2: {
        const vs = add(v, 'complainant', v.address.full);
        const ps = pAddr('suspect');
        issue = `<p>[${ref}] ${esc(nature.short.toUpperCase())} – Complainant: ${esc(v.name)} (${esc(vs)}); Suspect: ${esc(p!.name)} (${esc(ps)})${esc(wPart((n, a) => `; Witness: ${n} (${a})`))}. Status: OPEN – risk ${rng.pick(['STANDARD', 'MEDIUM', 'HIGH'])}.</p>`;
        break;
      }
      case 3: {
        const vs = add(v, 'victim', v.address.full);
        const ps = pAddr('perpetrator');
        issue = `<p>CASE ${ref} | VICTIM | ${esc(v.name)} | ${esc(vs)} | PERP | ${esc(p!.name)} | ${esc(ps)}${esc(wPart((n, a) => ` | WITNESS | ${n} | ${a}`))} | ${esc(Nat)}</p>`;
        break;
      }
      case 4: {
        const vs = add(v, 'victim', v.address.full);
        const ps = pAddr('perpetrator');
        issue = `<p>Residents of ${esc(v.address.street.name)} have reported ${esc(nature.long)}. ${esc(t(v))} (${esc(vs)}) reports that ${esc(t(p!))}, who lives at ${esc(ps)}, is responsible.${esc(wPart((n, a) => ` ${n} of ${a} witnessed the most recent incident.`))}</p>`;
        break;
      }
      default: {
        const vs = add(v, 'victim', v.address.full);
        const ps = pAddr('perpetrator');
        issue = `<p><strong>Case:</strong> ${ref}<br><strong>Victim:</strong> ${esc(t(v))} – ${esc(vs)}<br><strong>Perpetrator:</strong> ${esc(t(p!))} – ${esc(ps)}${esc(wPart((n, a) => `\u0000${n} – ${a}`)).replace('\u0000', '<br><strong>Witness:</strong> ')}<br><strong>Nature of case:</strong> ${esc(Nat)}</p>`;
      }
    }
  }
  const perpRec = people.find((x) => x.role === 'perpetrator' || x.role === 'suspect');
  const victimRec = people.find((x) => x.role === 'victim' || x.role === 'complainant');
  const actions: (() => string | null)[] = [
    () => null,
    () => `<p>Case referred to the Community Safety Partnership ASB panel. Victim contacted and crime prevention advice given.</p>`,
    () => (perpRec ? `<p>Community Protection Warning issued to ${esc(perpRec.person.name)} on ${rng.int(1, 28)}/0${rng.int(7, 9)}. Joint visit with the council ASB officer planned.</p>` : null),
    () => (victimRec ? `<p>${esc(victimRec.person.name)} given target-hardening advice; referral made to Herts Victim Care. Acceptable Behaviour Contract offered to the perpetrator.</p>` : null),
    () => `<p>Increased patrols. Housing provider notified and tenancy enforcement under consideration.</p>`,
  ];
  const action = rng.pick(actions)();
  return { issue, action, people };
}

// ---------------------------------------------------------------------------

const cache = new Map<number, Model>();

export function buildModel(seed: number = DEFAULT_SEED): Model {
  const hit = cache.get(seed);
  if (hit) return hit;
  const root = new Rng(seed);
  const pf = new PersonFactory(root.fork('people'), seed);
  const hoods = DISTRICTS.map((d, i) => buildHood(i, d, root.fork(`hood:${i}:${hash32(d[0])}`), pf));
  const docRng = root.fork('docs');
  const newsletterHoods = [0, 5, 8, 13, 20, 27];
  const trackerHoods = [2, 9, 16, 23];
  for (const i of newsletterHoods) hoods[i].newsletter = `${DOC_PREFIX}${hoods[i].slug}/${hoods[i].slug}-newsletter-autumn-2026.pdf`;
  for (const i of trackerHoods) hoods[i].tracker = `${DOC_PREFIX}${hoods[i].slug}/priorities-tracker-2026.xlsx`;
  void docRng;
  const partial = { seed, hoods, forcePlan: `${DOC_PREFIX}police-and-crime-plan-summary-2026.pdf` };
  const cases = buildCases(partial, root.fork('cases'), pf);
  const xr = root.fork('extras');
  const extras: Person[] = [];
  for (let i = 0; i < 24; i++) {
    const nm = pf.name({ ascii: true });
    const hood = hoods[i < 12 ? 13 : i < 16 ? 16 : 5]; // st-albans-city, watford-central, stevenage-north
    extras.push({ title: xr.pick(TITLES[nm.gender]), name: nm.full, gender: nm.gender, address: makeAddress(xr.int(1, 150), xr.pick(hood.streets)) });
  }
  const model: Model = { ...partial, cases, extras };
  cache.set(seed, model);
  return model;
}

/** Priorities for a hood as shown in a scenario: clean ones, with leaked case records interleaved. */
export function hoodPriorities(model: Model, hood: Hood, leaked: boolean): Priority[] {
  const list = hood.priorities.slice();
  if (!leaked) return list;
  const rng = new Rng(hash32(`interleave:${model.seed}:${hood.slug}`));
  for (const c of model.cases.filter((x) => x.hood === hood.slug)) {
    list.splice(rng.int(0, list.length), 0, c.priority);
  }
  return list;
}
