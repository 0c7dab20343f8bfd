import type { BrowserContext } from '@playwright/test';
import type { Boundary } from './boundary';
import type { Replicas } from './replicas';
import { detectionFor, expect } from './test';

/** A client the Facebook friend-requests replica shows a request from, as a CSV row. */
export const LENA_ROW = 'Lena Fischbach,former,,https://www.facebook.com/lena.fischbach.77,,';

/**
 * Something for the activity log and the "to discuss" list, done as the clinician does it: Lena
 * Fischbach's friend request declined from the popup (logged), then noted for her next session.
 */
export async function declineLenaAndNote(boundary: Boundary, context: BrowserContext, replicas: Replicas): Promise<void> {
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  const lena = detectionFor(popup, 'Lena Fischbach', 'request', 'exact');
  await lena.getByTestId('decline').click();
  await expect(lena.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await lena.getByTestId('discuss-add').click();
  await expect(lena.getByTestId('discuss-added')).toBeVisible();
  await popup.close();
  await site.close();
}
