// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '@/lib/identity/platform';
import { ADDRESSED_WORDS } from '@/lib/sites/card-words';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import { framing, saysMention } from '@/lib/sites/mentions';
import { looksUnreadable } from '@/lib/sites/page-signals';
import type { Candidate, SiteAdapter } from '@/lib/sites/types';
import { FACEBOOK_OWN_POST } from '../../fixtures/facebook/pages';
import { LINKEDIN_OWN_POST } from '../../fixtures/linkedin/pages';
import { appendLaterItems, loadReplica, setPageUrl } from './replica-dom';

// Comments, mentions and tags addressed to the clinician (policy rule 4), on every replica of the
// notifications and of the clinician's own posts. The tests may read data-replica-* to know who
// is who; the adapters never do. Facebook's are also in facebook.test.ts's table of every page.

const ADAPTERS: Record<Platform, SiteAdapter> = { facebook: facebookAdapter, instagram: instagramAdapter, linkedin: linkedinAdapter };

interface Expected {
  person: string;
  name: string;
  identities: string[];
}

interface MentionPage {
  platform: Platform;
  fixture: string;
  url: string;
  /** Every mention once later items are in, in page order; `later` ones load later. */
  mentions: (Expected & { later?: true })[];
  /** Other candidates the page holds (a follow request in the same panel). */
  others?: { kind: string; person: string }[];
  /** People on the page who only liked, reacted, followed, shared or had a birthday: never mentions. */
  notMentions: string[];
  /** Words of what people wrote (or of the notifications' quotations): never in a candidate. */
  written: string[];
  /** The mentions that are comments, whose own menu the step opens; the others are notifications, which refuse. */
  comments: string[];
}

const m = (person: string, name: string, identities: string[] = [], later?: 'later') => ({
  person,
  name,
  identities,
  ...(later ? { later: true as const } : {}),
});

const PAGES: MentionPage[] = [
  {
    platform: 'facebook',
    fixture: 'facebook/notifications.en.html',
    url: 'https://www.facebook.com/notifications',
    mentions: [m('ana', 'Ana Ruiz-Calder'), m('jonah', 'Jonah Petrakis'), m('lucia', 'Lucía Ferrer Quintana'), m('ada', 'Ada Kowalczyk'), m('ines', 'Ines Moreau', [], 'later')],
    notMentions: ['lena', 'priya', 'marta', 'camille', 'teodor', 'greta', 'elodie'],
    // Marta's friend request, with its own Confirm / Delete, is a request.
    others: [{ kind: 'request', person: 'marta' }],
    written: ['slept', 'first time', 'Saturday', 'Seedlings', 'Same here', 'have a look'],
    comments: [],
  },
  {
    platform: 'facebook',
    fixture: 'facebook/notifications-flyout.es.html',
    url: 'https://www.facebook.com/',
    mentions: [
      m('ana', 'Ana Ruiz-Calder'),
      m('carmen', 'Carmen Ruiz'),
      m('valentina', 'Valentina Soler'),
      m('priya', 'Priya Natarajan-Holt'),
      m('ada', 'Ada Kowalczyk', ['100089412300201']),
    ],
    notMentions: ['lena', 'diego', 'marta', 'teodor', 'lucia-elsewhere'],
    others: [{ kind: 'request', person: 'marta' }],
    written: ['alegría', 'Necesito', 'sábado', 'tomates', 'martes'],
    comments: ['ada'],
  },
  {
    platform: 'facebook',
    fixture: 'facebook/post-comments.de.html',
    url: FACEBOOK_OWN_POST,
    mentions: [
      m('ana', 'Ana Ruiz-Calder', ['100089412300001']),
      m('jonah', 'Jonah Weiss', ['jonahweiss31']),
      m('lena', 'Lena Fischbach', ['lenafischbach77']),
      m('camille', 'Camille Berthier', ['100089412300101'], 'later'),
    ],
    notMentions: ['greta-elsewhere'],
    written: ['gebraucht', 'Dienstag', 'Gedanken', 'gesagt', 'privat', 'Bohnen'],
    comments: ['ana', 'jonah', 'lena', 'camille'],
  },
  {
    platform: 'instagram',
    fixture: 'instagram/notifications.en.html',
    url: 'https://www.instagram.com/accounts/activity/',
    mentions: [
      m('maple', 'maple.quinn', ['maple.quinn']),
      m('jude', 'j.okonkwo_88', ['j.okonkwo_88']),
      m('sunny', 'sunny.vale', ['sunny.vale']),
      m('nina', 'nina.arruda', ['nina.arruda'], 'later'),
    ],
    others: [{ kind: 'request', person: 'orla' }],
    notMentions: ['nina-like', 'carmen-follow', 'orla'],
    written: ['proud', 'thank you for the talk', 'agree', 'thursday'],
    comments: [],
  },
  {
    platform: 'instagram',
    fixture: 'instagram/notifications-drawer.es.html',
    url: 'https://www.instagram.com/',
    mentions: [m('carmen', 'carmen.ruiz.m', ['carmen.ruiz.m']), m('nina', 'nina.arruda', ['nina.arruda']), m('lucas', 'lucas.pereyra', ['lucas.pereyra'])],
    // The follow request in the same drawer is a request, and only that.
    others: [{ kind: 'request', person: 'jude' }],
    notMentions: ['maple-like', 'jude'],
    written: ['bonito', 'vienes', 'genial'],
    comments: [],
  },
  {
    platform: 'instagram',
    fixture: 'instagram/post-comments.pt.html',
    url: 'https://www.instagram.com/p/DCq9Xk1vLp2/',
    mentions: [
      m('nina', 'nina.arruda', ['nina.arruda']),
      m('luiz', 'luiz.ferraz', ['luiz.ferraz']),
      m('maple', 'maple.quinn', ['maple.quinn']),
      m('jude', 'j.okonkwo_88', ['j.okonkwo_88'], 'later'),
    ],
    notMentions: [],
    written: ['lindo', 'preciso', 'olha', 'concordo', 'partilhar', 'carmen'],
    comments: ['nina', 'luiz', 'maple', 'jude'],
  },
  {
    platform: 'linkedin',
    fixture: 'linkedin/notifications.en.html',
    url: 'https://www.linkedin.com/notifications/?filter=all',
    mentions: [
      m('ana-souza', 'Ana Souza', ['ana-souza-7c1d2e']),
      m('lena-vogt', 'Lena Vogt', ['lena-vogt-62d1f0']),
      m('idris', 'Idris Campbell', ['idris-campbell-5a9e77']),
      m('ana-souza-reply', 'Ana Souza', ['ana-souza-7c1d2e'], 'later'),
    ],
    notMentions: ['chidi', 'zoe', 'northwind'],
    written: ['important reminder', 'last week', 'Five small habits'],
    comments: [],
  },
  {
    platform: 'linkedin',
    fixture: 'linkedin/notifications.es.html',
    url: 'https://www.linkedin.com/notifications/?filter=my_posts_all',
    mentions: [m('ana-souza', 'Ana Souza', ['ana-souza-7c1d2e']), m('lena-vogt', 'Lena Vogt', ['lena-vogt-62d1f0']), m('idris', 'Idris Campbell', ['idris-campbell-5a9e77'])],
    notMentions: ['chidi', 'zoe', 'chidi-rec'],
    written: ['necesario', 'escribirlo'],
    comments: [],
  },
  {
    platform: 'linkedin',
    fixture: 'linkedin/post-comments.fr.html',
    url: LINKEDIN_OWN_POST,
    mentions: [
      m('zoe', 'Zoë Dubois', ['zoë-dubois-4b2a1c']),
      m('chidi', 'Chidi Okafor', ['chidi-okafor-b81e44']),
      m('etienne', 'Étienne Marchal', ['etienne-marchal-2b8c41']),
      m('lena-vogt', 'Lena Vogt', ['lena-vogt-62d1f0']),
    ],
    notMentions: ['ana-elsewhere'],
    written: ['partage', 'semaine', 'Très juste', 'Belle réflexion', 'privé'],
    comments: ['zoe', 'chidi', 'etienne', 'lena-vogt'],
  },
];

/** The replica's person a candidate's element is, is inside, or alone holds. */
function personOf(element: Element): string {
  const own = element.closest('[data-replica-person]');
  if (own) return own.getAttribute('data-replica-person')!;
  const held = [...element.querySelectorAll('[data-replica-person]')];
  return held.length === 1 ? held[0]!.getAttribute('data-replica-person')! : `<${element.tagName.toLowerCase()} holding ${held.length}>`;
}

const summary = (c: Candidate) => ({ person: personOf(c.element), name: c.name, identities: c.identities });

/** The data-replica-action of every control clicked while `run` runs. */
function clicksDuring(run: () => unknown): string[] {
  const clicks: string[] = [];
  const listen = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    clicks.push(target?.closest('[data-replica-action]')?.getAttribute('data-replica-action') ?? '(unmarked)');
  };
  document.addEventListener('click', listen, true);
  try {
    run();
  } finally {
    document.removeEventListener('click', listen, true);
  }
  return clicks;
}

it('every replica of notifications and comment threads is tested here, in EN, ES and another language per site', () => {
  const fixtures = (platform: Platform) => PAGES.filter((p) => p.platform === platform).map((p) => p.fixture);
  for (const platform of ['facebook', 'instagram', 'linkedin'] as const) {
    const languages = fixtures(platform).map((f) => /\.([a-z]{2})\.html$/.exec(f)![1]);
    expect(languages, platform).toEqual(expect.arrayContaining(['en', 'es']));
    expect(languages.some((l) => ['fr', 'de', 'pt', 'it'].includes(l!)), platform).toBe(true);
    expect(PAGES.filter((p) => p.platform === platform).some((p) => p.comments), platform).toBe(true);
  }
});

describe.each(PAGES)('$fixture', ({ platform, fixture, url, mentions, others = [], notMentions, written, comments }) => {
  const adapter = ADAPTERS[platform];
  const at = new URL(url);
  const scan = () => adapter.findCandidates(document, at);
  const mentionsFound = () => scan().filter((c) => c.kind === 'mention');

  beforeEach(() => {
    setPageUrl(url);
    loadReplica(fixture);
  });

  it('finds exactly the comments, mentions, tags and replies addressed to the clinician, strangers among them', () => {
    expect(mentionsFound().map(summary)).toEqual(mentions.filter((e) => !e.later).map(({ later: _l, ...e }) => e));
    appendLaterItems();
    expect(mentionsFound().map(summary)).toEqual(mentions.map(({ later: _l, ...e }) => e));
    expect(scan().filter((c) => c.kind !== 'mention').map((c) => ({ kind: c.kind, person: personOf(c.element) }))).toEqual(others);
  });

  it('never makes a mention of a like, a reaction, a follow, a share, a birthday, a request, someone else’s post or the clinician', () => {
    appendLaterItems();
    const people = mentionsFound().map((c) => personOf(c.element));
    for (const person of notMentions) expect(people, person).not.toContain(person);
    for (const c of scan()) {
      expect(c.identities).not.toEqual(expect.arrayContaining([expect.stringMatching(/rileymosscounselling|rowan\.talks|maren-holt-counselling/)]));
      expect(c.name).not.toMatch(/Riley Moss|rowan\.talks|Maren Holt/);
    }
  });

  it('reads nothing of what anyone wrote into a candidate', () => {
    appendLaterItems();
    const said = JSON.stringify(scan().map(({ element: _e, ...wire }) => wire)).toLowerCase();
    const html = readFileSync(resolve(import.meta.dirname, '../../fixtures', fixture), 'utf8');
    for (const words of written) {
      expect(html, `the replica holds “${words}”`).toContain(words);
      expect(said, words).not.toContain(words.toLowerCase());
    }
    for (const c of scan()) expect(Object.keys(c).sort()).toEqual(['element', 'identities', 'kind', 'name', 'platform']);
  });

  it('opens each comment’s own menu, one click, nothing else, and presses nothing on a notification (its menu hides no comment)', () => {
    appendLaterItems();
    for (const c of mentionsFound()) {
      const opens = comments.includes(personOf(c.element));
      let result: ReturnType<SiteAdapter['mentionStep'] & {}> | undefined;
      const clicks = clicksDuring(() => (result = adapter.mentionStep!(c.element)));
      expect(result?.ok, c.name).toBe(opens);
      expect(clicks, c.name).toEqual(opens ? ['item-menu'] : []);
    }
  });

  if (comments.length > 0) {
    it('reports no comment on a post that is not the clinician’s', () => {
      appendLaterItems();
      const own = { facebook: 'riley.moss.counselling', instagram: 'rowan.talks', linkedin: 'maren-holt-counselling' }[platform];
      // The post's own author link becomes someone else's; the clinician's links elsewhere stay.
      const author = [...document.querySelectorAll(`h2 a[href*="${own}"], h3 a[href*="${own}"], header a[href*="${own}"], .update-components-actor a[href*="${own}"]`)];
      expect(author.length).toBeGreaterThan(0);
      for (const link of author) link.setAttribute('href', link.getAttribute('href')!.replace(own, platform === 'facebook' ? 'tessa.lindqvist.hale' : 'someone.else'));
      const left = mentionsFound().map((c) => personOf(c.element));
      for (const person of comments) expect(left, person).not.toContain(person);
      expect(left).toEqual(mentions.map((e) => e.person).filter((p) => !comments.includes(p)));
    });
  }
});

describe('notifications pages', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it.each([
    ['facebook', 'https://www.facebook.com/notifications', 'notifications'],
    ['facebook', 'https://www.facebook.com/notifications/', 'notifications'],
    ['linkedin', 'https://www.linkedin.com/notifications/?filter=all', 'notifications'],
    ['linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456/', null],
    ['facebook', FACEBOOK_OWN_POST, null],
    // Instagram's notifications page is its activity page, which lists follow requests too.
    ['instagram', 'https://www.instagram.com/accounts/activity/', 'requests'],
  ] as const)('%s %s is a page of kind %s', (platform, url, kind) => {
    expect(ADAPTERS[platform].pageKindOf(new URL(url))).toBe(kind);
  });

  it.each([
    ['facebook', 'facebook/notifications.en.html', 'https://www.facebook.com/notifications'],
    ['linkedin', 'linkedin/notifications.en.html', 'https://www.linkedin.com/notifications/?filter=all'],
  ] as const)('%s: a notifications page with no comment on it is still read, not unreadable', (platform, fixture, url) => {
    setPageUrl(url);
    loadReplica(fixture);
    const adapter = ADAPTERS[platform];
    const at = new URL(url);
    for (const c of adapter.findCandidates(document, at)) c.element.remove();
    expect(adapter.findCandidates(document, at)).toEqual([]);
    // What content-main asks before it would call the page unreadable.
    expect(adapter.noticesOn!(document, at)).toBeGreaterThan(0);
    document.body.innerHTML = '<main><p>Nothing new</p></main>';
    expect(adapter.noticesOn!(document, at)).toBe(0);
  });

  it('calls a notifications page unreadable only when it links several people and no notification could be read', () => {
    const signals = { people: 0, accepts: 0, declines: 0, paired: 0 };
    expect(looksUnreadable({ ...signals, people: 2 }, 'notifications')).toBe(false);
    expect(looksUnreadable({ ...signals, people: 3 }, 'notifications')).toBe(true);
    expect(looksUnreadable({ ...signals, paired: 1 }, 'notifications')).toBe(false);
  });
});

describe('Facebook comments in a language Boundary has no words for', () => {
  it('are still found by their own comment links inside the post', () => {
    setPageUrl(FACEBOOK_OWN_POST);
    loadReplica('facebook/post-comments.de.html');
    for (const article of document.querySelectorAll('[role="article"][aria-label]')) article.setAttribute('aria-label', 'Σχόλιο από κάποιον');
    expect(facebookAdapter.findCandidates(document, new URL(FACEBOOK_OWN_POST)).map((c) => personOf(c.element))).toEqual(['ana', 'jonah', 'lena']);
  });
});

describe('what a notification’s words say', () => {
  const item = (html: string) => {
    document.body.innerHTML = `<div id="item">${html}</div>`;
    const element = document.getElementById('item')!;
    return framing(element, element.querySelector('strong') ?? element.querySelector('img')!);
  };

  it.each([
    'commented on your post.',
    'replied to your comment: “I liked it”',
    'mentioned you in a comment.',
    'tagged you in a post.',
    'comentó tu publicación: «me gustó»',
    'te ha mencionado en un comentario.',
    'te etiquetó en una foto.',
    'a commenté votre publication.',
    'vous a mentionné(e) dans un commentaire.',
    'hat deinen Beitrag kommentiert.',
    'hat dich in einem Kommentar erwähnt.',
    'comentou sua publicação.',
    'marcou você em uma publicação.',
    'ha commentato il tuo post.',
    'ti ha menzionato in un commento.',
  ])('“<name> %s” is a mention addressed to the clinician', (words) => {
    expect(saysMention(item(`<strong>Ana Ruiz</strong> ${words}`), ADDRESSED_WORDS)).toBe(true);
  });

  it.each([
    'reacted to your comment: “commented and mentioned you”',
    'liked a photo you’re tagged in.',
    'also commented on Jonah’s post.',
    'commented on Jonah Weiss’s post.',
    'a aimé une photo dans laquelle vous êtes identifié(e).',
    'gefällt ein Foto, auf dem du markiert bist.',
    'sent you a friend request.',
    'shared your post: “commented, tagged you”',
  ])('“<name> %s” is not', (words) => {
    expect(saysMention(item(`<strong>Ana Ruiz</strong> ${words}`), ADDRESSED_WORDS)).toBe(false);
  });

  it('reads a name that holds a full stop as the name, not as the end of the sentence', () => {
    expect(saysMention(item('<strong>Dr. J. Okafor</strong> commented on your post.'), ADDRESSED_WORDS)).toBe(true);
  });

  it('stops before what the person wrote', () => {
    expect(item('<strong>Ana</strong> replied to your comment: “I commented because you mentioned me”').trim()).toBe('replied to your comment');
  });
});
