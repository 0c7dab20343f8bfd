import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';

/**
 * The popup while the vault is locked: nothing from the list is shown or matched until the
 * passphrase is typed. Unlocking keeps the key for this browser session and has the background
 * match open tabs again.
 */
export function Unlock({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const unlock = async () => {
    setBusy(true);
    setError('');
    try {
      // The background unlocks (the passphrase travels on the extension's own runtime channel) and
      // matches open tabs again before it answers.
      const result = await ask({ type: 'unlock-vault', passphrase });
      if (!result.ok) return setError(result.reason);
      setPassphrase('');
      onUnlocked();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="locked card" data-testid="popup-locked">
      <p>
        <strong>{t('vault_locked_lead')}</strong> {t('popup_unlock_body')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void unlock();
        }}
      >
        <label>
          {t('common_passphrase')}
          <input
            type="password"
            autocomplete="current-password"
            data-testid="popup-unlock-passphrase"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
            autoFocus
          />
        </label>
        <button type="submit" class="primary" data-testid="popup-unlock" disabled={busy}>
          {busy ? t('common_unlocking') : t('common_unlock')}
        </button>
      </form>
      {error && (
        <p role="alert" class="warn" data-testid="vault-error">
          {error}
        </p>
      )}
    </div>
  );
}
