import { describe, expect, it } from 'vitest';
import {
  adviceFor,
  defaultStatusPolicy,
  discussPurpose,
  groupOf,
  localDay,
  MINOR_ADVICE,
  normaliseStatusChoices,
  pastCutOff,
  resolveStatusPolicy,
  strangerIds,
  yearsAfter,
} from '@/lib/policy/status-policy';
import { DEFAULT_CHOICES, type PolicyChoices } from '@/lib/practice-policy/choices';

const written = (changes: Partial<PolicyChoices>): PolicyChoices => ({ ...DEFAULT_CHOICES, ...changes });

describe('defaults', () => {
  it('before any written policy: every status declines quietly and redirects messages; young people decline and get no reply; no cut-off', () => {
    const policy = defaultStatusPolicy();
    for (const group of ['enquiry', 'waitlist', 'current', 'former', 'related'] as const) {
      expect(policy.groups[group], group).toEqual({ request: 'decline', message: 'redirect' });
    }
    expect(policy.groups.minor).toEqual({ request: 'decline', message: 'no-reply' });
    expect(policy.strangerAfterYears).toBeNull();
  });

  it('follow the written policy: a note, no replies, "not for some years"; a related person is still declined quietly', () => {
    const policy = defaultStatusPolicy(written({ requestReply: 'note', messages: 'no-reply', formerClients: 'after-years', formerYears: 3 }));
    expect(policy.groups.current).toEqual({ request: 'answer', message: 'no-reply' });
    expect(policy.groups.former).toEqual({ request: 'answer', message: 'no-reply' });
    expect(policy.groups.enquiry.request).toBe('answer');
    expect(policy.groups.related).toEqual({ request: 'decline', message: 'no-reply' });
    expect(policy.groups.minor).toEqual(MINOR_ADVICE);
    expect(policy.strangerAfterYears).toBe(3);
  });

  it('the practice’s choices win over the written policy, field by field; a cut-off of null (chosen) turns it off', () => {
    const choices = written({ formerClients: 'after-years', formerYears: 3 });
    const policy = resolveStatusPolicy({ groups: { former: { request: 'pending' }, enquiry: { message: 'no-reply' } }, strangerAfterYears: null }, choices);
    expect(policy.groups.former).toEqual({ request: 'pending', message: 'redirect' });
    expect(policy.groups.enquiry).toEqual({ request: 'decline', message: 'no-reply' });
    expect(policy.groups.current).toEqual({ request: 'decline', message: 'redirect' });
    expect(policy.strangerAfterYears).toBeNull();
    expect(resolveStatusPolicy({ groups: {} }, choices).strangerAfterYears).toBe(3);
    expect(resolveStatusPolicy({ groups: {}, strangerAfterYears: 5 }).strangerAfterYears).toBe(5);
  });

  it('stored choices are read defensively: unknown groups and values are dropped, young people cannot be changed', () => {
    expect(
      normaliseStatusChoices({
        groups: { former: { request: 'accept', message: 'no-reply' }, minor: { request: 'answer' }, nobody: { request: 'decline' }, current: 'x' },
        strangerAfterYears: 40,
      }),
    ).toEqual({ groups: { former: { message: 'no-reply' } } });
    expect(normaliseStatusChoices({ groups: {}, strangerAfterYears: null })).toEqual({ groups: {}, strangerAfterYears: null });
    expect(normaliseStatusChoices({ strangerAfterYears: 2 })).toEqual({ groups: {}, strangerAfterYears: 2 });
    expect(normaliseStatusChoices(undefined)).toEqual({ groups: {} });
    const policy = resolveStatusPolicy(normaliseStatusChoices({ groups: { minor: { message: 'redirect' } } }));
    expect(policy.groups.minor).toEqual({ request: 'decline', message: 'no-reply' });
  });
});

describe('what the popup suggests for a person', () => {
  const policy = resolveStatusPolicy({ groups: { current: { request: 'answer' }, former: { request: 'pending', message: 'no-reply' } } });

  it('a young person’s rule comes first, then a related person’s, then the status’s', () => {
    expect(groupOf({ status: 'current', minor: true, relatedTo: 3 })).toBe('minor');
    expect(groupOf({ status: 'current', related: { clientId: 3 } })).toBe('related');
    expect(groupOf({ status: 'waitlist' })).toBe('waitlist');
  });

  it('follows the status; a young person: decline and no reply at all; a safety concern: Block first and no reply', () => {
    expect(adviceFor([{ status: 'current' }], policy)).toEqual({ group: 'current', request: 'answer', message: 'redirect', block: false });
    expect(adviceFor([{ status: 'former' }], policy)).toEqual({ group: 'former', request: 'pending', message: 'no-reply', block: false });
    expect(adviceFor([{ status: 'current', minor: true }], policy)).toEqual({ group: 'minor', request: 'decline', message: 'no-reply', block: false, noReply: 'minor' });
    expect(adviceFor([{ status: 'former', safety: true }], policy)).toMatchObject({ block: true, noReply: 'safety' });
  });

  it('for a name several people share, the most reserved rule of theirs', () => {
    expect(adviceFor([{ status: 'current' }, { status: 'former' }], policy)).toMatchObject({ request: 'pending', message: 'no-reply' });
    expect(adviceFor([{ status: 'current' }, { status: 'enquiry', minor: true }], policy)).toMatchObject({ group: 'minor', request: 'decline', noReply: 'minor' });
  });

  it('"to discuss" is for the next session only with a current client; for anyone else it is a note for the record', () => {
    expect(discussPurpose({ status: 'current' })).toBe('session');
    for (const status of ['former', 'enquiry', 'waitlist'] as const) expect(discussPurpose({ status })).toBe('record');
    expect(discussPurpose({ status: 'current', relatedTo: 4 })).toBe('record');
  });
});

describe('the cut-off date', () => {
  it('adds years to a real day; 29 February goes to 1 March; impossible days give nothing', () => {
    expect(yearsAfter('2020-06-15', 3)).toBe('2023-06-15');
    expect(yearsAfter('2020-02-29', 1)).toBe('2021-03-01');
    expect(yearsAfter('2020-02-29', 4)).toBe('2024-02-29');
    expect(yearsAfter('2023-02-29', 1)).toBeNull();
    expect(yearsAfter('2023-13-01', 1)).toBeNull();
    expect(yearsAfter('15/06/2020', 1)).toBeNull();
  });

  it('a former client is a stranger from the day after the anniversary, not on it', () => {
    const ended = { status: 'former' as const, endDate: '2021-03-10' };
    expect(pastCutOff(ended, 2, '2023-03-10')).toBe(false);
    expect(pastCutOff(ended, 2, '2023-03-11')).toBe(true);
    expect(pastCutOff(ended, null, '2030-01-01')).toBe(false);
  });

  it('never for a current client, a record without a real end date, a young person or a safety concern', () => {
    const today = '2030-01-01';
    expect(pastCutOff({ status: 'current', endDate: '2001-01-01' }, 2, today)).toBe(false);
    expect(pastCutOff({ status: 'former' }, 2, today)).toBe(false);
    expect(pastCutOff({ status: 'former', endDate: '2001-02-30' }, 2, today)).toBe(false);
    expect(pastCutOff({ status: 'former', endDate: '2001-01-01', minor: true }, 2, today)).toBe(false);
    expect(pastCutOff({ status: 'former', endDate: '2001-01-01', safety: true }, 2, today)).toBe(false);
  });

  it('people related to a former client past the cut-off go with them, unless flagged themselves', () => {
    const records = [
      { id: 1, status: 'former' as const, endDate: '2015-05-01' },
      { id: 2, status: 'current' as const, relatedTo: 1 },
      { id: 3, status: 'current' as const, relatedTo: 1, safety: true },
      { id: 4, status: 'former' as const, endDate: '2029-05-01' },
      { id: 5, status: 'current' as const, relatedTo: 4 },
    ];
    expect([...strangerIds(records, 3, '2030-01-01')].sort()).toEqual([1, 2]);
    expect(strangerIds(records, null, '2030-01-01').size).toBe(0);
  });

  it('today is the computer’s own calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
