import { expect, test } from './support/test';

const INVITATIONS = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';

test.describe('with a list that matches nobody on the pages', () => {
  // The clinician's own profile, people who only suggest or invite to a company page, and
  // near-miss names: none of them is a request or conversation from a listed person.
  const NOBODY = [
    'name,status,aliases,facebook,instagram,linkedin',
    'Maren Holt,current,,,,maren-holt-counselling',
    'Priya Nair,current,,,,priya-nair-2d7e51',
    'Jonas Keller,current,,,,https://www.linkedin.com/in/jonas-keller-1b2c3d/',
    'Sofia Russo,former,,,,',
    'Ana,current,,,,',
    'Ortiz Benjamin,current,,,,',
  ].join('\n');

  test.beforeEach(async ({ boundary }) => {
    const { imported } = await boundary.importCsv(NOBODY);
    expect(imported).toBe(6);
  });

  test('no LinkedIn replica shows anyone', async ({ boundary, context, replicas }) => {
    const pages: [string, string][] = [
      [INVITATIONS, 'linkedin/invitations-current.en.html'],
      [INVITATIONS, 'linkedin/invitations-classic.fr.html'],
      ['https://www.linkedin.com/mynetwork/', 'linkedin/mynetwork.de.html'],
      [THREAD, 'linkedin/messaging.en.html'],
      ['https://www.linkedin.com/feed/', 'linkedin/messaging-overlay.es.html'],
    ];
    for (const [url, fixture] of pages) {
      const site = await context.newPage();
      await site.goto(replicas.serve(url, fixture));
      await site.waitForTimeout(1400); // the later invitations arrive after 1.2 s
      const popup = await boundary.openPopup(site);
      await expect(popup.getByTestId('popup-empty'), fixture).toHaveAttribute('data-reason', 'no-matches');
      await expect(popup.getByTestId('detection'), fixture).toHaveCount(0);
      expect(await boundary.badgeText(site), fixture).toBe('');
      await site.close();
      await popup.close();
    }
  });
});
