import { describe, expect, it } from 'vitest';
import type { DetectionClient, DetectionView } from '@/lib/messaging/messages';
import { defaultStatusPolicy, requestPrimary } from '@/lib/policy/status-policy';
import { declineAllList } from '@/entrypoints/popup/decline-all';

const client = (extra: Partial<DetectionClient> = {}): DetectionClient => ({ id: 1, name: 'Someone', status: 'current', ...extra });
const item = (token: string, kind: DetectionView['kind'], clients: DetectionClient[] = [client()]): DetectionView => ({
  token,
  kind,
  platform: 'facebook',
  match: 'exact',
  clients,
  pageName: token,
});

describe('"Decline all" takes only requests whose card leads with the decline', () => {
  it('requests only, matched by profile, never one to block, never one already done', () => {
    const shown = [
      item('a', 'request'),
      item('m', 'message'),
      item('s', 'suggestion'),
      item('feared', 'request', [client({ safety: true })]),
      item('young', 'request', [client({ minor: true })]),
      item('done', 'request'),
      item('b', 'request', [client({ status: 'former' })]),
      { ...item('namesake', 'request'), match: 'name' as const },
    ];
    expect(declineAllList(shown, { done: true }, defaultStatusPolicy()).map((d) => d.token)).toEqual(['a', 'young', 'b']);
  });

  it('a rule to leave requests pending keeps them out', () => {
    const policy = defaultStatusPolicy();
    const pending = { ...policy, groups: { ...policy.groups, current: { ...policy.groups.current, request: 'pending' as const } } };
    expect(declineAllList([item('a', 'request'), item('b', 'request', [client({ status: 'former' })])], {}, pending).map((d) => d.token)).toEqual(['b']);
  });

  it('the card’s primary action: block first, then pending, else decline', () => {
    expect(requestPrimary({ block: true, request: 'decline' })).toBe('block');
    expect(requestPrimary({ block: false, request: 'pending' })).toBe('leave-pending');
    expect(requestPrimary({ block: false, request: 'answer' })).toBe('decline');
    expect(requestPrimary({ block: false, request: 'decline' })).toBe('decline');
  });
});
