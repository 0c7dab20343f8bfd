import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RichMessage } from '@/components/RichMessage';
import { t } from '@/lib/i18n/t';

/** The toolbar button's own command: `_execute_action` in Manifest V3, `_execute_browser_action` in V2. */
const OPEN_COMMANDS = ['_execute_action', '_execute_browser_action'];

/**
 * What the keyboard can do here (item-keys.ts), said once below the items: D and I for the item
 * that has the focus, and the browser shortcut that opens the popup, as the browser has it now
 * (the clinician may have changed it, or another extension may have taken it: then it is left out).
 */
export function KeyHint() {
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name && OPEN_COMMANDS.includes(c.name))?.shortcut ?? ''))
      .catch(() => undefined);
  }, []);
  return (
    <p class="key-hint muted" data-testid="key-hint">
      <RichMessage message="popup_keys_hint" parts={[<kbd>D</kbd>, <kbd>I</kbd>]} />
      {shortcut && (
        <>
          {' '}
          <span data-testid="key-hint-open">
            <RichMessage message="popup_keys_open" parts={[<kbd>{shortcut}</kbd>]} />
          </span>
        </>
      )}
    </p>
  );
}
