import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPageRequest } from '@/lib/detections/handlers';
import { writeTab } from '@/lib/detections/tab-store';
import { isPageToBackground } from '@/lib/messaging/messages';
import { database } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import { DEFAULT_SETTINGS } from '@/lib/settings/practice';
import { saveSettings } from '@/lib/settings/store';

// The background's last check before text is typed into a page, whichever extension page asked.
const TAB = 7;
const sent: unknown[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, message: unknown) => {
    sent.push(message);
    return { ok: true, done: 'typed' };
  });
  await writeTab(TAB, {
    url: 'https://www.instagram.com/direct/t/1/',
    recognised: true,
    detections: [{ token: 'tok', kind: 'message', platform: 'instagram', match: 'exact', clientIds: [1], pageName: 'Carmen Ruiz' }],
  });
});

const insert = (text: string, confirmed?: boolean) =>
  onPageRequest({ type: 'insert-reply', tabId: TAB, token: 'tok', text, ...(confirmed !== undefined && { confirmed }) });

describe('inserting a reply', () => {
  it('says what happened in the clinician’s words, never the page side’s: put in the box, or not taken', async () => {
    expect(await insert('Please use the secure channels.')).toEqual({ ok: true, done: t('result_reply_inserted') });
    expect(t('result_reply_inserted')).not.toBe('typed');
    vi.mocked(fakeBrowser.tabs.sendMessage).mockResolvedValueOnce({ ok: false, refusal: 'not-typed' } as never);
    expect(await insert('Please use the secure channels.')).toEqual({ ok: false, reason: t('action_not_typed') });
    expect(t('action_not_typed')).toMatch(/did not take/);
  });

  it('passes a clean reply straight to the page', async () => {
    expect(await insert('Please use the secure channels.')).toEqual({ ok: true, done: t('result_reply_inserted') });
    expect(sent).toEqual([{ type: 'insert-text', token: 'tok', text: 'Please use the secure channels.' }]);
  });

  it('refuses flagged text without the second click, and says why', async () => {
    const outcome = await insert('See you at our next session.');
    expect(outcome).toMatchObject({ ok: false });
    expect(JSON.stringify(outcome)).toContain('“session”');
    expect(sent).toEqual([]);
    expect(await insert('See you at our next session.', true)).toEqual({ ok: true, done: t('result_reply_inserted') });
    expect(sent).toHaveLength(1);
  });

  it('does not count the practice’s own name and channels against the text', async () => {
    const reply = 'Please write to sam@counselling.example.\nSam Hale Counselling';
    expect(await insert(reply)).toMatchObject({ ok: false });
    await saveSettings(database(), { ...DEFAULT_SETTINGS, practiceName: 'Sam Hale Counselling', secureEmail: 'sam@counselling.example' });
    try {
      expect(await insert(reply)).toEqual({ ok: true, done: t('result_reply_inserted') });
      // The same word outside the practice's name is still flagged.
      expect(await insert(`Counselling helps.\n${reply}`)).toMatchObject({ ok: false });
    } finally {
      await database().settings.clear();
    }
  });

  it('refuses text longer than the site takes, even confirmed', async () => {
    const outcome = await insert('x'.repeat(1001), true);
    expect(outcome).toMatchObject({ ok: false });
    expect(JSON.stringify(outcome)).toContain('1000');
    expect(sent).toEqual([]);
  });

  it('the confirmation travels only as a boolean', () => {
    expect(isPageToBackground({ type: 'insert-reply', tabId: 1, token: 'a', text: 'Hi', confirmed: true })).toBe(true);
    expect(isPageToBackground({ type: 'insert-reply', tabId: 1, token: 'a', text: 'Hi' })).toBe(true);
    expect(isPageToBackground({ type: 'insert-reply', tabId: 1, token: 'a', text: 'Hi', confirmed: 'yes' })).toBe(false);
  });
});
