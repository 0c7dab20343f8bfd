import { lazyPart } from './lazy-part';

// The popup's parts loaded after its first paint (./lazy-part.ts says why), each its own chunk.

/** Composing a reply, the confidentiality check with its lexicon, and the chooser that shows them. */
export const useReplyTools = lazyPart(() => import('./reply-parts'));

/** The welfare-check form, behind a button on a profile or a search. */
export const useWelfareForm = lazyPart(() => import('@/components/WelfareCheckForm').then((m) => m.WelfareCheckForm));

/** Saving an outline of a page Boundary could not read. */
export const useSaveOutline = lazyPart(() => import('@/components/SaveOutline').then((m) => m.SaveOutline));
