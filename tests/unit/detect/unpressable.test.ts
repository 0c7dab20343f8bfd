// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import { runOnReplica } from './content-harness';

/*
 * A request found from its shape, on a page whose labels no word table reads (LinkedIn in
 * Marathi): Decline presses nothing, and says so as a refusal the background words in the
 * clinician's language, not with the adapter's English reason.
 */
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  vi.restoreAllMocks();
});

it('a Decline on a card whose controls say nothing readable presses nothing and is refused as no-control', async () => {
  const run = runOnReplica('linkedin/invitations-sdui.mr.html', 'https://www.linkedin.com/mynetwork/invitation-manager/received/', linkedinAdapter);
  stop = run.stop;
  const priya = run.reported('प्रिया देशपांडे');
  expect(priya?.kind).toBe('request');
  expect(await run.send({ type: 'decline', token: priya!.token })).toEqual({ ok: false, refusal: 'no-control' });
  expect(run.clicks).toEqual([]);
});
