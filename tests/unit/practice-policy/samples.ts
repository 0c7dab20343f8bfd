import { CHOICE_OPTIONS, DEFAULT_CHOICES, type OptionChoice, type PolicyChoices } from '@/lib/practice-policy/choices';
import { DEFAULT_SETTINGS, type PracticeSettings } from '@/lib/settings/practice';

/** An invented practice, with reserved example addresses and the UK's drama phone range. */
export const PRACTICE: PracticeSettings = {
  ...DEFAULT_SETTINGS,
  practiceName: 'Harbour Lane Practice',
  phone: '+44 20 7946 0321',
  portalUrl: 'https://portal.harbourlane.example',
  secureEmail: 'secure@harbourlane.example',
  policyUrl: 'https://harbourlane.example/social-media',
  region: 'uk-ie',
};

/** Every combination of the choices that take one of a few values, over three sets of sites. */
export function everyCombination(): PolicyChoices[] {
  let combos: PolicyChoices[] = [DEFAULT_CHOICES].flatMap((base) =>
    [[], ['facebook', 'instagram', 'linkedin'], ['facebook', 'instagram']].flatMap((sites) =>
      [true, false].flatMap((otherSites) => [true, false].map((publicPage) => ({ ...base, sites, otherSites, publicPage }) as PolicyChoices)),
    ),
  );
  for (const key of Object.keys(CHOICE_OPTIONS) as OptionChoice[]) {
    combos = combos.flatMap((choices) => (CHOICE_OPTIONS[key] as readonly string[]).map((value) => ({ ...choices, [key]: value }) as PolicyChoices));
  }
  return combos;
}

/** One choice changed from the defaults, for each choice, so each one's effect can be seen alone. */
export const ONE_CHANGE: { name: string; before: PolicyChoices; after: PolicyChoices }[] = [
  { name: 'sites', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, sites: ['instagram'] } },
  { name: 'otherSites', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, otherSites: false } },
  { name: 'requestReply', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, requestReply: 'note' } },
  { name: 'formerClients', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, formerClients: 'after-years' } },
  {
    name: 'formerYears',
    before: { ...DEFAULT_CHOICES, formerClients: 'after-years', formerYears: 2 },
    after: { ...DEFAULT_CHOICES, formerClients: 'after-years', formerYears: 5 },
  },
  { name: 'publicPage', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, publicPage: true } },
  { name: 'messages', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, messages: 'no-reply' } },
  { name: 'searches', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, searches: 'never' } },
  { name: 'reviewsWhileWorking', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, reviewsWhileWorking: 'free' } },
  { name: 'complaintsBody', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, complaintsBody: 'the Ethics Board of my register' } },
  { name: 'endorsements', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, endorsements: 'decline' } },
  { name: 'checkIns', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, checkIns: 'ask-not' } },
  { name: 'changes', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, changes: 'website' } },
  { name: 'changes (session)', before: DEFAULT_CHOICES, after: { ...DEFAULT_CHOICES, changes: 'session' } },
];
