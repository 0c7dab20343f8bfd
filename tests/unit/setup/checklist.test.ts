import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/practice';
import { practiceFilledIn, setupComplete, setupStates, type SetupFacts } from '@/lib/setup/checklist';

const fresh: SetupFacts = {
  pinned: false,
  pinSetAside: false,
  clientCount: 0,
  vault: 'off',
  vaultOfferDismissed: false,
  settings: { ...DEFAULT_SETTINGS },
};

describe('the first-run checklist', () => {
  it('a fresh install has everything to do', () => {
    const states = setupStates(fresh);
    expect(states).toEqual({ pin: 'todo', clients: 'todo', passphrase: 'todo', practice: 'todo' });
    expect(setupComplete(states)).toBe(false);
  });

  it('ticks each item from the state it stands for', () => {
    const states = setupStates({
      ...fresh,
      pinned: true,
      clientCount: 3,
      vault: 'locked',
      settings: { ...DEFAULT_SETTINGS, practiceName: 'Harbour Counselling', secureEmail: 'secure@harbour.example' },
    });
    expect(states).toEqual({ pin: 'done', clients: 'done', passphrase: 'done', practice: 'done' });
    expect(setupComplete(states)).toBe(true);
  });

  it('pinning and a passphrase can be set aside, and then count as seen to', () => {
    const states = setupStates({ ...fresh, pinSetAside: true, vaultOfferDismissed: true, clientCount: 1, settings: { ...DEFAULT_SETTINGS, practiceName: 'A', phone: '0161 496 0000' } });
    expect(states).toEqual({ pin: 'skipped', clients: 'done', passphrase: 'skipped', practice: 'done' });
    expect(setupComplete(states)).toBe(true);
    // Where the browser cannot tell, the clinician's "I pinned it" ticks it.
    expect(setupStates({ ...fresh, pinned: undefined, pinSetAside: true }).pin).toBe('done');
    expect(setupStates({ ...fresh, pinned: undefined }).pin).toBe('todo');
    // Pinned after all: done, whatever was said before.
    expect(setupStates({ ...fresh, pinned: true, pinSetAside: true }).pin).toBe('done');
  });

  it('the practice needs a name and a private way to reach it', () => {
    expect(practiceFilledIn({ ...DEFAULT_SETTINGS, practiceName: 'Harbour Counselling' })).toBe(false);
    expect(practiceFilledIn({ ...DEFAULT_SETTINGS, portalUrl: 'https://portal.example.com' })).toBe(false);
    expect(practiceFilledIn({ ...DEFAULT_SETTINGS, practiceName: '  ', phone: '0161 496 0000' })).toBe(false);
    expect(practiceFilledIn({ ...DEFAULT_SETTINGS, practiceName: 'Harbour', portalUrl: 'https://portal.example.com' })).toBe(true);
  });
});
