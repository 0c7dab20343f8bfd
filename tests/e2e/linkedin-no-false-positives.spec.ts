import { LINKEDIN_URN_THREAD } from '../fixtures/linkedin/pages';
import { expect, shownDetections, test } from './support/test';

const INVITATIONS = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';

test.describe('with a list that matches nobody on the pages as a request or conversation', () => {
  // The clinician's own profile (by vanity name and by the member id messaging links her with),
  // people who only invite to a company, school, group, event or newsletter, a row that only
  // acknowledges a connection, and near-miss names: none of them is a request or conversation
  // from a listed person. Two of them are suggested on My Network, and are shown as suggestions.
  const NOBODY = [
    'name,status,aliases,facebook,instagram,linkedin',
    'Maren Holt,current,,,,maren-holt-counselling https://www.linkedin.com/in/ACoAAA0mYsElFzXqWpLkJhGfDsAzXcVbNmQwErT/',
    'Priya Nair,current,,,,priya-nair-2d7e51',
    'Jonas Keller,current,,,,https://www.linkedin.com/in/jonas-keller-1b2c3d/',
    'Sofia Russo,former,,,,',
    'Ana,current,,,,',
    'Ortiz Benjamin,current,,,,',
    'Casey Marlow,current,,,,casey-marlow-7d1e02',
    'Tomasz Wren,former,,,,',
    'Helga Brun,current,,,,helga-brun-61c0f3',
    'Bastien Roux,current,,,,bastien-roux-2e8f10',
    'Dario Monti,current,,,,',
  ].join('\n');

  test.beforeEach(async ({ boundary }) => {
    const { imported } = await boundary.importCsv(NOBODY);
    expect(imported).toBe(11);
  });

  test('no LinkedIn replica shows anyone but the suggested clients, as suggestions', async ({ boundary, context, replicas }) => {
    test.setTimeout(120_000);
    const pages: [string, string, [string, string, string][]][] = [
      [INVITATIONS, 'linkedin/invitations-current.en.html', []],
      [INVITATIONS, 'linkedin/invitations-classic.fr.html', []],
      [INVITATIONS, 'linkedin/invitations-sdui.en.html', []],
      ['https://fr.linkedin.com/mynetwork/invitation-manager/received/', 'linkedin/invitations-sdui.fr.html', []],
      [`${INVITATIONS}PEOPLE_WITH_MUTUAL_CONNECTION/`, 'linkedin/invitations-inner.de.html', []],
      [
        'https://www.linkedin.com/mynetwork/',
        'linkedin/mynetwork.de.html',
        [
          ['suggestion', 'exact', 'Jonas Keller'],
          ['suggestion', 'name', 'Sofia Russo'],
        ],
      ],
      ['https://www.linkedin.com/mynetwork/grow/', 'linkedin/grow.it.html', []],
      ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'linkedin/connections.pt.html', []],
      ['https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/', 'linkedin/followers.en.html', []],
      [THREAD, 'linkedin/messaging.en.html', []],
      [LINKEDIN_URN_THREAD, 'linkedin/messaging-urn.es.html', []],
      ['https://www.linkedin.com/feed/', 'linkedin/messaging-overlay.es.html', []],
    ];
    for (const [url, fixture, expected] of pages) {
      const site = await context.newPage();
      await site.goto(replicas.serve(url, fixture));
      await site.waitForTimeout(1400); // the later rows arrive after 1.2 s
      const popup = await boundary.openPopup(site);
      if (expected.length === 0) {
        await expect(popup.getByTestId('popup-empty'), fixture).toHaveAttribute('data-reason', 'no-matches');
        expect(await boundary.badgeText(site), fixture).toBe('');
      }
      await expect(popup.getByTestId('detection'), fixture).toHaveCount(expected.length);
      const shown = await shownDetections(popup);
      for (const [kind, match, name] of expected) {
        expect(shown.some((d) => d.kind === kind && d.match === match && d.text.includes(name)), `${fixture}: ${name}`).toBe(true);
      }
      await site.close();
      await popup.close();
    }
  });
});
