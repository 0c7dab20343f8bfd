import { useState } from 'preact/hooks';
import { RichMessage } from '@/components/RichMessage';
import { database } from '@/lib/db';
import { t, tPlural } from '@/lib/i18n/t';
import { AT_BROWSER_CLOSE, IDLE_CHOICES } from '@/lib/vault/cipher';
import {
  changePassphrase,
  disableVault,
  dismissVaultOffer,
  enableVault,
  lockVault,
  MIN_PASSPHRASE_LENGTH,
  passphraseProblem,
  setIdleMinutes,
  unlockVault,
  WIPE_CONFIRMATION,
  wipeVault,
  type VaultStatus,
} from '@/lib/vault/vault';

interface Props {
  status: VaultStatus;
  /** After any change of the vault: the page re-reads its state and tells the background. */
  onChanged: () => Promise<void>;
}

const idleLabel = (minutes: number) => (minutes < 60 ? tPlural('duration_minutes', minutes) : tPlural('duration_hours', minutes / 60));
const idleChoiceLabel = (minutes: number) => (minutes === AT_BROWSER_CLOSE ? t('vault_idle_browser_close') : t('vault_idle_choice', idleLabel(minutes)));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The passphrase vault: off, locked or unlocked, and what can be done in each state. */
export function SecuritySettings({ status, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  /** Runs one vault action; its error, if any, is shown, and nothing else happens. */
  const run = async (label: string, action: () => Promise<void>, done?: string) => {
    setBusy(label);
    setError('');
    setNotice('');
    try {
      await action();
      if (done) setNotice(done);
      await onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section id="security" class="card" aria-labelledby="security-heading">
      <h2 id="security-heading">{t('nav_security')}</h2>
      {status.state === 'off' && <Off busy={busy} run={run} />}
      {status.state === 'locked' && <Locked busy={busy} run={run} />}
      {status.state === 'unlocked' && <Unlocked status={status} busy={busy} run={run} />}
      {error && (
        <p role="alert" class="warn" data-testid="vault-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" class="ok" data-testid="vault-notice">
          {notice}
        </p>
      )}
    </section>
  );
}

type Run = (label: string, action: () => Promise<void>, done?: string) => Promise<void>;

function Off({ busy, run }: { busy: string | null; run: Run }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [idle, setIdle] = useState(30);
  return (
    <>
      <div data-testid="vault-status" data-state="off">
        <p class="warn">
          <strong>{t('vault_off_lead')}</strong> {t('vault_off_risk')}
        </p>
        <p class="muted">{t('vault_off_explain')}</p>
      </div>
      <form
        class="vault-form"
        onSubmit={(event) => {
          event.preventDefault();
          const problem = passphraseProblem(passphrase, confirmation);
          void run('enable', async () => {
            if (problem) throw new Error(problem);
            await enableVault(database(), passphrase, idle);
            setPassphrase('');
            setConfirmation('');
          }, t('vault_enabled'));
        }}
      >
        <label>
          {t('vault_new_passphrase', MIN_PASSPHRASE_LENGTH)}
          <input type="password" autocomplete="new-password" data-testid="vault-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <label>
          {t('vault_passphrase_again')}
          <input type="password" autocomplete="new-password" data-testid="vault-passphrase-confirm" value={confirmation} onInput={(e) => setConfirmation(e.currentTarget.value)} />
        </label>
        <IdleChoice value={idle} onChange={setIdle} />
        <p class="muted">{t('vault_write_it_down')}</p>
        <p class="muted">{t('vault_old_copies')}</p>
        <div class="row">
          <button type="submit" class="primary" data-testid="vault-enable" disabled={busy !== null}>
            {t(busy === 'enable' ? 'vault_encrypting' : 'vault_enable')}
          </button>
        </div>
      </form>
    </>
  );
}

function Locked({ busy, run }: { busy: string | null; run: Run }) {
  const [passphrase, setPassphrase] = useState('');
  const [forgetting, setForgetting] = useState(false);
  const [typed, setTyped] = useState('');
  return (
    <>
      <div data-testid="vault-status" data-state="locked">
        <p>
          <strong>{t('vault_locked_lead')}</strong> {t('vault_locked_explain')}
        </p>
      </div>
      <form
        class="vault-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run('unlock', async () => {
            await unlockVault(database(), passphrase);
            setPassphrase('');
          });
        }}
      >
        <label>
          {t('common_passphrase')}
          <input type="password" autocomplete="current-password" data-testid="vault-unlock-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" data-testid="vault-unlock" disabled={busy !== null}>
            {t(busy === 'unlock' ? 'common_unlocking' : 'common_unlock')}
          </button>
          <button type="button" data-testid="vault-forgot" onClick={() => setForgetting(true)} disabled={busy !== null}>
            {t('vault_forgot')}
          </button>
        </div>
      </form>
      {forgetting && (
        <div class="forgot" data-testid="vault-forgot-area">
          <p class="warn">{t('vault_forgot_warning')}</p>
          <label>
            {t('vault_type_to_confirm', WIPE_CONFIRMATION)}
            <input type="text" autocomplete="off" data-testid="vault-forgot-confirm-text" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button
              class="danger"
              data-testid="vault-forgot-confirm"
              disabled={busy !== null}
              onClick={() => void run('wipe', () => wipeVault(database(), typed), t('vault_wiped'))}
            >
              {t('vault_wipe')}
            </button>
            <button
              onClick={() => {
                setForgetting(false);
                setTyped('');
              }}
            >
              {t('vault_keep_it')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Unlocked({ status, busy, run }: { status: VaultStatus; busy: string | null; run: Run }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  return (
    <>
      <div data-testid="vault-status" data-state="unlocked">
        <p class="ok">
          <RichMessage message="vault_unlocked_status" parts={[<strong>{t('vault_unlocked_lead')}</strong>]} />
        </p>
        <p class="muted" data-testid="vault-unlocked-until">
          {status.idleMinutes === AT_BROWSER_CLOSE ? t('vault_unlocked_until_close') : t('vault_unlocked_until', idleLabel(status.idleMinutes))}
        </p>
      </div>
      <div class="row">
        <button class="primary" data-testid="vault-lock" disabled={busy !== null} onClick={() => void run('lock', lockVault)}>
          {t('vault_lock_now')}
        </button>
        <IdleChoice value={status.idleMinutes} onChange={(minutes) => void run('idle', () => setIdleMinutes(database(), minutes))} />
      </div>
      <form
        class="vault-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run('change', async () => {
            await changePassphrase(database(), current, next);
            setCurrent('');
            setNext('');
          }, t('vault_changed'));
        }}
      >
        <h3>{t('vault_change_heading')}</h3>
        <label>
          {t('vault_current_passphrase')}
          <input type="password" autocomplete="current-password" data-testid="vault-change-old" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label>
          {t('vault_next_passphrase', MIN_PASSPHRASE_LENGTH)}
          <input type="password" autocomplete="new-password" data-testid="vault-change-new" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" data-testid="vault-change" disabled={busy !== null}>
            {t(busy === 'change' ? 'vault_changing' : 'vault_change')}
          </button>
        </div>
      </form>
      <h3>{t('vault_off_heading')}</h3>
      <p class="muted">{t('vault_off_note')}</p>
      <div class="row">
        <button class="danger" data-testid="vault-disable" disabled={busy !== null} onClick={() => void run('disable', () => disableVault(database()), t('vault_disabled'))}>
          {t('vault_disable')}
        </button>
      </div>
    </>
  );
}

function IdleChoice({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  return (
    <label class="inline">
      {t('vault_lock_after')}
      <select data-testid="vault-idle" value={String(value)} aria-describedby="vault-close-note" onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {IDLE_CHOICES.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {idleChoiceLabel(minutes)}
          </option>
        ))}
      </select>
      <span id="vault-close-note" class="field-note muted">
        {t('vault_lock_close_note')}
      </span>
    </label>
  );
}

/** The first-run offer: a notice, never a step in the way. Import and detection work without it. */
export function VaultOffer({ onDismissed }: { onDismissed: () => Promise<void> }) {
  return (
    <aside class="card offer" data-testid="vault-offer" aria-label={t('vault_offer_label')}>
      <p>
        <strong>{t('vault_offer_lead')}</strong> {t('vault_offer_body')}
      </p>
      <div class="row">
        <a class="button primary" href="#security" data-testid="vault-offer-setup">
          {t('vault_offer_setup')}
        </a>
        <button
          data-testid="vault-offer-dismiss"
          onClick={() => {
            void dismissVaultOffer(database()).then(onDismissed);
          }}
        >
          {t('vault_offer_dismiss')}
        </button>
      </div>
    </aside>
  );
}
