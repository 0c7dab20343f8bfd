// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { identityFromHref } from '@/lib/identity/read';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { ActionResult, Candidate, CandidateKind, SiteAdapter } from '@/lib/sites/types';
import { loadReplica, setPageUrl } from './replica-dom';
import { checkPartialEqualsFull, copyAroundCandidate, copyOfCandidate, copyOfPart } from './scanner-harness';

/*
 * Replicas written independently of the other fixtures (other UI languages and layouts,
 * each modelled on docs in /work/shared/docs/site-evidence.md; see each file's header comment for the
 * evidence and what is a guess). Each page is read the way the scanner tests read theirs: the
 * site's scanner scans it, its answer must be the adapter's full scan, random insertions must be
 * answered as a full scan would; and here, the people found must be the people the replica shows.
 * The tests read the replicas' data-replica-* attributes to know who is who; the adapters never do.
 *
 * A second probe added six more (FB Arabic two-pane requests, Polish Messenger, Indonesian friends
 * home; IG Korean notifications panel; LinkedIn Japanese grow page, Finnish icon-only invitations).
 * Several fail on purpose: they record what the adapters miss in UI languages without word tables.
 *
 * A third probe varied markup, not language (label-less div buttons, a mixed friends grid, ?hl=
 * links and alt-less avatars, link rows in Direct, icon-only a11y-text controls, a 32-card lazy column).
 */

interface Expected {
  kind: CandidateKind;
  identities: string[];
  name: string;
  /** data-replica-person of the card the candidate's element is (or is inside). */
  person: string;
  thread?: string;
  open?: true;
}

interface ProbePage {
  fixture: string;
  url: string;
  adapter: SiteAdapter;
  people: Expected[];
  /** People the page shows that the adapter does not find yet, each a test expected to fail until it does. */
  gaps?: Expected[];
}

const fb = (href: string) => identityFromHref('facebook', href)!;
const ig = (username: string) => identityFromHref('instagram', `/${username}/`, 'https://www.instagram.com/')!;
const li = (href: string) => identityFromHref('linkedin', href, 'https://www.linkedin.com/')!;

const LI_THREAD = '/messaging/thread/2-NzQxMGE5YjMtYzJkMS00ZjBlLTlhOGItMWM2ZDNlNWY3YTlhXzAxMA==/';

/** The 32 invitations of linkedin/invitations-lazy-many.en.html: [data-replica-person, vanity name, name]. */
const LAZY_PEOPLE: [string, string, string][] = [
  ['p00', 'ada-quill-00a00', 'Ada Quill'],
  ['p01', 'bela-marsh-01a37', 'Bela Marsh'],
  ['p02', 'cyrus-vance-02a74', 'Cyrus Vance'],
  ['p03', 'dina-holt-03a14', 'Dina Holt'],
  ['p04', 'emil-reyes-04a51', 'Emil Reyes'],
  ['p05', 'fara-sund-05a88', 'Fara Sund'],
  ['p06', 'gus-ferro-06a28', 'Gus Ferro'],
  ['p07', 'hana-lutz-07a65', 'Hana Lutz'],
  ['p08', 'ivo-abara-08a05', 'Ivo Abara'],
  ['p09', 'jade-ng-09a42', 'Jade Ng'],
  ['p10', 'kai-oduya-10a79', 'Kai Oduya'],
  ['p11', 'lena-park-11a19', 'Lena Park'],
  ['p12', 'milo-stroud-12a56', 'Milo Stroud'],
  ['p13', 'noor-haddad-13a93', 'Noor Haddad'],
  ['p14', 'otto-kern-14a33', 'Otto Kern'],
  ['p15', 'pia-lanz-15a70', 'Pia Lanz'],
  ['p16', 'quinn-moss-16a10', 'Quinn Moss'],
  ['p17', 'rhea-pryce-17a47', 'Rhea Pryce'],
  ['p18', 'saul-rask-18a84', 'Saul Rask'],
  ['p19', 'tara-solis-19a24', 'Tara Solis'],
  ['p20', 'uma-tamm-20a61', 'Uma Tamm'],
  ['p21', 'vik-ueda-21a01', 'Vik Ueda'],
  ['p22', 'wren-voss-22a38', 'Wren Voss'],
  ['p23', 'xena-wynn-23a75', 'Xena Wynn'],
  ['p24', 'yuri-yilmaz-24a15', 'Yuri Yilmaz'],
  ['p25', 'zoe-zell-25a52', 'Zoe Zell'],
  ['p26', 'abel-ahn-26a89', 'Abel Ahn'],
  ['p27', 'bea-bauer-27a29', 'Bea Bauer'],
  ['p28', 'cato-costa-28a66', 'Cato Costa'],
  ['p29', 'dora-dahl-29a06', 'Dora Dahl'],
  ['p30', 'eli-eze-30a43', 'Eli Eze'],
  ['p31', 'fay-fink-31a80', 'Fay Fink'],
];

const PAGES: ProbePage[] = [
  {
    fixture: 'facebook/friends-home.ja.html',
    url: 'https://www.facebook.com/friends/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412305001')], name: '佐藤 遥', person: 'haruka' },
      { kind: 'request', identities: [fb('https://www.facebook.com/kenta.watanabe.5521')], name: '渡辺 健太', person: 'kenta' },
      { kind: 'request', identities: [fb('https://www.facebook.com/profile.php?id=100089412305003')], name: '中村 葵', person: 'aoi' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/friends/suggestions/?profile_id=100089412305901')], name: '伊藤 悠斗', person: 'sugg-yuto' },
    ],
  },
  {
    fixture: 'facebook/friend-requests.two-pane.nl.html',
    url: 'https://www.facebook.com/friends/requests/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: ['100089412306001'], name: 'Sanne de Vries', person: 'sanne' },
      { kind: 'request', identities: ['100089412306002'], name: 'Thijs Bakker', person: 'thijs' },
      { kind: 'request', identities: ['100089412306003'], name: 'Fleur Jansen-Visser', person: 'fleur' },
    ],
  },
  {
    fixture: 'instagram/follow-requests.tr.html',
    url: 'https://www.instagram.com/accounts/activity/?followRequests=1',
    adapter: instagramAdapter,
    people: [
      { kind: 'request', identities: [ig('elif.yildiz_88')], name: 'Elif Yıldız', person: 'elif' },
      { kind: 'request', identities: [ig('burak.demir')], name: 'Burak Demir', person: 'burak' },
      { kind: 'request', identities: [ig('cem_ozturk.ist')], name: 'cem_ozturk.ist', person: 'cem' },
      { kind: 'suggestion', identities: [ig('zeynep.ak')], name: 'Zeynep Ak', person: 'sugg-zeynep' },
    ],
  },
  {
    fixture: 'instagram/direct-inbox.ja.html',
    url: 'https://www.instagram.com/direct/inbox/',
    adapter: instagramAdapter,
    people: [
      // The avatar's alt text is the only place the inbox shows a username (instagram/words.ts).
      { kind: 'message', identities: [ig('hanako.yamada_07')], name: '山田 花子', person: 'hanako' },
      { kind: 'message', identities: [ig('takumi.ishii.counsel')], name: '石井 拓海', person: 'takumi' },
      { kind: 'message', identities: [ig('mei_fujita')], name: 'mei_fujita', person: 'mei' },
    ],
  },
  {
    fixture: 'linkedin/invitations-sdui.de.html',
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    adapter: linkedinAdapter,
    people: [
      { kind: 'request', identities: [li('/in/anna-becker-psych/')], name: 'Anna Becker', person: 'anna-becker' },
      { kind: 'request', identities: [li('/in/tobias-lang-7a2b1c/')], name: 'Tobias Lang', person: 'tobias-lang' },
      { kind: 'suggestion', identities: [li('/in/sam-vogel-therapie/')], name: 'Sam Vogel', person: 'sugg-sam' },
    ],
  },
  {
    fixture: 'linkedin/messaging.es.html',
    url: `https://www.linkedin.com${LI_THREAD}`,
    adapter: linkedinAdapter,
    people: [
      // The open conversation's card: the page marks it (--active) but links no thread.
      { kind: 'message', identities: [], name: 'Lucía Romero Vidal', person: 'list-lucia', thread: LI_THREAD },
      { kind: 'message', identities: [], name: 'Javier Ortega', person: 'list-javier' },
      { kind: 'message', identities: [], name: 'Carmen Ruiz', person: 'list-carmen' },
      {
        kind: 'message',
        identities: [li('https://www.linkedin.com/in/ACoAAD4kQ9zXyWvUtSrQpOnMlKjIhGfEdCbA?lipi=urn%3Ali%3Apage%3Ad_flagship3_messaging_conversation_detail%3BaB3cD4eF5g%3D%3D')],
        name: 'Lucía Romero Vidal',
        person: 'thread-lucia',
        thread: LI_THREAD,
        open: true,
      },
    ],
  },
  // ---- second probe: pages and languages no fixture had (see each file's header comment)
  {
    fixture: 'facebook/friend-requests.two-pane.ar.html',
    url: 'https://www.facebook.com/friends/requests/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412307001')], name: 'ليلى حداد', person: 'layla' },
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412307002')], name: 'عمر الخطيب', person: 'omar' },
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412307003')], name: 'نور الهدى عبد الله', person: 'noor' },
    ],
  },
  {
    fixture: 'facebook/messenger.pl.html',
    url: 'https://www.facebook.com/messages/t/100089412308001/',
    adapter: facebookAdapter,
    people: [
      { kind: 'message', identities: ['100089412308001'], name: 'Małgorzata Wiśniewska-Nowak', person: 'chat-malgorzata', thread: '/messages/t/100089412308001/' },
      { kind: 'message', identities: [], name: 'Kacper Zając', person: 'chat-kacper', thread: '/messages/e2ee/t/9100223344556677/' },
      // A group's thread id is read as an id like any other (facebook.test.ts, 'Sunday walkers').
      { kind: 'message', identities: ['7019283746501928'], name: 'Chór parafialny – alty', person: 'chat-grupa', thread: '/messages/t/7019283746501928/' },
      { kind: 'message', identities: ['100089412308001'], name: 'Małgorzata Wiśniewska-Nowak', person: 'conv-malgorzata', thread: '/messages/t/100089412308001/', open: true },
    ],
  },
  {
    fixture: 'facebook/friends-home.id.html',
    url: 'https://www.facebook.com/friends/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412309001')], name: 'Siti Rahmawati', person: 'siti' },
      { kind: 'request', identities: [fb('https://www.facebook.com/budi.santoso.dr')], name: 'Budi Santoso', person: 'budi' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/friends/suggestions/?profile_id=100089412309901')], name: 'Dewi Lestari Putri', person: 'sugg-dewi' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/friends/suggestions/?profile_id=100089412309902')], name: 'Agus Pratama', person: 'sugg-agus' },
    ],
  },
  {
    fixture: 'instagram/notifications-drawer.ko.html',
    url: 'https://www.instagram.com/',
    adapter: instagramAdapter,
    people: [
      { kind: 'request', identities: [ig('jiwoo.kim.93')], name: '김지우', person: 'jiwoo' },
      { kind: 'request', identities: [ig('minjun_lee.seoul')], name: 'minjun_lee.seoul', person: 'minjun' },
      { kind: 'suggestion', identities: [ig('haneul.jung.art')], name: '정하늘', person: 'sugg-haneul' },
    ],
    // A notification tells a comment only by its words (SAID_WORDS), in six languages so far.
    gaps: [{ kind: 'mention', identities: [ig('seoyeon.park_')], name: 'seoyeon.park_', person: 'seoyeon' }],
  },
  {
    fixture: 'linkedin/grow.ja.html',
    url: 'https://www.linkedin.com/mynetwork/grow/',
    adapter: linkedinAdapter,
    people: [
      { kind: 'request', identities: [li('/in/haruka-sato-cp/')], name: '佐藤 遥', person: 'haruka-sato' },
      { kind: 'request', identities: [li('/in/kenji-mori-4c8e21/')], name: '森 健二', person: 'kenji-mori' },
      { kind: 'suggestion', identities: [li('/in/daisuke-yamamoto-ot/')], name: '山本 大輔', person: 'sugg-daisuke' },
      { kind: 'suggestion', identities: [li('/in/mika-ogawa-9f1b3a/')], name: '小川 美香', person: 'sugg-mika' },
    ],
  },
  {
    fixture: 'linkedin/invitations-sdui.fi.html',
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    adapter: linkedinAdapter,
    people: [
      { kind: 'request', identities: [li('/in/aino-virtanen-psykologi/')], name: 'Aino Virtanen', person: 'aino-virtanen' },
      { kind: 'request', identities: [li('/in/mikko-laine-7b3c2a/')], name: 'Mikko Laine', person: 'mikko-laine' },
      // Linked by member id on the avatar and by vanity name on the name: one person, both identities.
      { kind: 'request', identities: [li('/in/helmi-nieminen/'), li('/in/ACoAAD7fQ2xYzWvUtSrQpOnMlKjIhGfEdCbB/')], name: 'Helmi Nieminen', person: 'helmi-nieminen' },
      { kind: 'suggestion', identities: [li('/in/eero-salo-terapia/')], name: 'Eero Salo', person: 'sugg-eero' },
    ],
  },
  // ---- third probe: markup variants, not languages (see each file's header comment)
  {
    fixture: 'facebook/friend-requests.span-buttons.en.html',
    url: 'https://www.facebook.com/friends/requests/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412401001')], name: 'Maya Okafor', person: 'maya' },
      { kind: 'request', identities: [fb('https://www.facebook.com/tomas.herrera.77')], name: 'Tomás Herrera', person: 'tomas' },
      { kind: 'request', identities: [fb('https://www.facebook.com/profile.php?id=100089412401004')], name: 'Priya Raman-Shah', person: 'priya' },
    ],
  },
  {
    fixture: 'facebook/friends-home.mixed.fr.html',
    url: 'https://www.facebook.com/friends/',
    adapter: facebookAdapter,
    people: [
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412402001')], name: 'Chloé Marchand', person: 'chloe' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/friends/suggestions/?profile_id=100089412402901')], name: 'Lucas Fontaine', person: 'sugg-lucas' },
      { kind: 'request', identities: [fb('https://www.facebook.com/amelie.girard.psy')], name: 'Amélie Girard', person: 'amelie' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/profile.php?id=100089412402902')], name: 'Manon Lefèvre', person: 'sugg-manon' },
      { kind: 'request', identities: [fb('https://www.facebook.com/friends/requests/?profile_id=100089412402004')], name: 'Yasmine Benali', person: 'yasmine' },
      { kind: 'suggestion', identities: [fb('https://www.facebook.com/elise.moreau.1989')], name: 'Élise Moreau', person: 'sugg-elise' },
    ],
  },
  {
    fixture: 'instagram/follow-requests.hl.fr.html',
    url: 'https://www.instagram.com/accounts/activity/?followRequests=1&hl=fr',
    adapter: instagramAdapter,
    people: [
      { kind: 'request', identities: [ig('camille.moreau_')], name: 'Camille Moreau', person: 'camille' },
      { kind: 'request', identities: [ig('julien.barbier.92')], name: 'Julien Barbier', person: 'julien' },
      { kind: 'request', identities: [ig('sacha_dubois')], name: 'sacha_dubois', person: 'sacha' },
      { kind: 'suggestion', identities: [ig('lea.fontaine_')], name: 'Léa Fontaine', person: 'sugg-lea' },
    ],
  },
  {
    fixture: 'instagram/direct-inbox.links.en.html',
    url: 'https://www.instagram.com/direct/inbox/',
    adapter: instagramAdapter,
    people: [
      { kind: 'message', identities: [ig('rowan.example')], name: 'Rowan Example', person: 'rowan', thread: '/direct/t/340282366841710300949128164003711001/' },
      { kind: 'message', identities: [ig('dana_ilic.counsel')], name: 'Dana Ilić', person: 'dana', thread: '/direct/t/340282366841710300949128164003711002/' },
      // A group's row shows two people: no one identity.
      { kind: 'message', identities: [], name: 'Book club 📚', person: 'group', thread: '/direct/t/340282366841710300949128164003711003/' },
      { kind: 'message', identities: [], name: 'Theo Marsh', person: 'noalt', thread: '/direct/t/340282366841710300949128164003711004/' },
    ],
  },
  {
    fixture: 'linkedin/invitations-a11y.en.html',
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    adapter: linkedinAdapter,
    people: [
      { kind: 'request', identities: [li('/in/nina-patel-lcsw/')], name: 'Nina Patel', person: 'nina-patel' },
      { kind: 'request', identities: [li('/in/owen-brooks-4b2a9c/')], name: 'Owen Brooks', person: 'owen-brooks' },
      { kind: 'request', identities: [li('/in/grace-kim-counselling/')], name: 'Grace Kim', person: 'grace-kim' },
    ],
  },
  {
    fixture: 'linkedin/invitations-lazy-many.en.html',
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    adapter: linkedinAdapter,
    people: [
      ...LAZY_PEOPLE.map(([person, slug, name]) => ({ kind: 'request' as const, identities: [li(`/in/${slug}/`)], name, person })),
      { kind: 'suggestion', identities: [li('/in/river-hale-ot/')], name: 'River Hale', person: 'sugg-river' },
      { kind: 'suggestion', identities: [li('/in/sky-lindqvist/')], name: 'Sky Lindqvist', person: 'sugg-sky' },
    ],
  },
];

/** Which card a candidate's element is: the replica's card it is or is inside, and never one holding others. */
function personOf(element: Element): string {
  const holds = [...element.querySelectorAll('[data-replica-person]')].map((el) => el.getAttribute('data-replica-person'));
  if (holds.length > 0) return `<holds ${holds.join(', ')}>`;
  return element.closest('[data-replica-person]')?.getAttribute('data-replica-person') ?? `<${element.tagName.toLowerCase()} without a person>`;
}

const summary = (candidates: Candidate[]): Expected[] =>
  candidates.map((c) => ({
    kind: c.kind,
    identities: c.identities,
    name: c.name,
    person: personOf(c.element),
    ...(c.thread !== undefined ? { thread: c.thread } : {}),
    ...(c.open ? { open: true as const } : {}),
  }));

const load = (page: ProbePage) => {
  loadReplica(page.fixture);
  setPageUrl(page.url);
};

/** The data-replica-action of every control clicked while `run` runs. */
function press(run: () => ActionResult): { result: ActionResult; clicks: string[] } {
  const clicks: string[] = [];
  const listen = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    clicks.push(target?.closest('[data-replica-action]')?.getAttribute('data-replica-action') ?? '(unmarked)');
  };
  let result: ActionResult = { ok: false, reason: 'not run' };
  document.addEventListener('click', listen, true);
  try {
    result = run();
  } finally {
    document.removeEventListener('click', listen, true);
  }
  return { result, clicks };
}

const PIECES = [copyOfCandidate, copyOfCandidate, copyAroundCandidate, copyOfPart('button, [role="button"]'), copyOfPart('a[href]'), copyOfPart('img')];

describe.each(PAGES)('unseen layout $fixture', (page) => {
  const url = new URL(page.url);

  it('the scanner finds exactly the people the replica shows', () => {
    load(page);
    expect(summary(page.adapter.scanner!(document).scan(url))).toEqual(page.people);
  });

  for (const gap of page.gaps ?? []) {
    it.fails(`finds ${gap.person} as a ${gap.kind} (a known gap: this fails until it is found)`, () => {
      load(page);
      expect(summary(page.adapter.scanner!(document).scan(url))).toContainEqual(gap);
    });
  }

  it('the scanner’s scan is the adapter’s full scan', () => {
    load(page);
    const scanned = summary(page.adapter.scanner!(document).scan(url));
    expect(scanned).toEqual(summary(page.adapter.findCandidates(document, url)));
  });

  it('random insertions are answered as a full scan would', () => {
    checkPartialEqualsFull(page.adapter, url, () => load(page), PIECES, 8);
  }, 60_000);

  const requests = page.people.filter((p) => p.kind === 'request');
  if (requests.length > 0) {
    it.each(requests)('decline presses the site’s own Delete / Ignore, and nothing else, for $person', (person) => {
      load(page);
      const card = page.adapter.findCandidates(document, url).find((c) => c.kind === 'request' && personOf(c.element) === person.person);
      expect(card, `no request card for ${person.person}`).toBeDefined();
      const { result, clicks } = press(() => page.adapter.decline(card!.element));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(clicks).toEqual(['decline']);
    });
  }

  const suggestions = page.people.filter((p) => p.kind === 'suggestion');
  if (suggestions.length > 0) {
    it.each(suggestions)('remove-suggestion never presses Add / Follow / Connect for $person', (person) => {
      load(page);
      const card = page.adapter.findCandidates(document, url).find((c) => c.kind === 'suggestion' && personOf(c.element) === person.person);
      expect(card, `no suggestion card for ${person.person}`).toBeDefined();
      const { clicks } = press(() => page.adapter.removeSuggestion(card!.element));
      expect(clicks.every((click) => click === 'remove-suggestion')).toBe(true);
    });
  }
});
