import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the popup loaded after its first paint rather than with it (issue 16): the reply
 * chooser with the confidentiality check and its lexicon, the welfare-check form, the page
 * outline. The popup's first frame shows who is on the page; these follow a moment later.
 *
 * The hook starts loading from an effect, which runs once the frame that mounted the item has
 * been painted, so the load and the work it brings (the check of fifteen replies) never delay that
 * frame. Loaded once for the whole popup; every item that wants it re-renders when it arrives.
 */
export function lazyPart<T>(load: () => Promise<T>): (wanted?: boolean) => T | undefined {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return function useLazyPart(wanted = true) {
    const [part, setPart] = useState(loaded);
    useEffect(() => {
      if (!wanted || part !== undefined) return;
      let live = true;
      loading ??= load().then((value) => (loaded = value));
      // A part that fails to load stays away; the rest of the popup still works.
      loading.then((value) => live && setPart(() => value)).catch(() => undefined);
      return () => {
        live = false;
      };
    }, [wanted]);
    return part ?? (wanted ? loaded : undefined);
  };
}
