import { useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import { IDLE_CHOICES } from '@/lib/vault/cipher';
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

const idleLabel = (minutes: number) => (minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`);

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
      <h2 id="security-heading">Security</h2>
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
          <strong>Your client list is stored unencrypted on this device.</strong> Anyone with access to this computer account and
          this browser profile could read it.
        </p>
        <p class="muted">
          Set a passphrase to encrypt the list, its profile links and your “not them” decisions (AES-256, with a key made from
          the passphrase). You type it once per browser session; Boundary locks itself when you have not used it for a while.
        </p>
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
          }, 'The list is now encrypted.');
        }}
      >
        <label>
          Passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)
          <input type="password" autocomplete="new-password" data-testid="vault-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <label>
          The same passphrase again
          <input type="password" autocomplete="new-password" data-testid="vault-passphrase-confirm" value={confirmation} onInput={(e) => setConfirmation(e.currentTarget.value)} />
        </label>
        <IdleChoice value={idle} onChange={setIdle} />
        <p class="muted">
          Write it down somewhere safe. Nobody can recover a forgotten passphrase: without it the list can only be deleted and
          entered again.
        </p>
        <p class="muted">
          Clients already on the list are encrypted at once, but the browser may keep older unencrypted copies in its own
          database files until it next tidies them. Setting the passphrase before adding clients avoids that.
        </p>
        <div class="row">
          <button type="submit" class="primary" data-testid="vault-enable" disabled={busy !== null}>
            {busy === 'enable' ? 'Encrypting…' : 'Encrypt the list'}
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
          <strong>Boundary is locked.</strong> Your client list is encrypted; nothing is matched on pages until you unlock it with
          your passphrase.
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
          Passphrase
          <input type="password" autocomplete="current-password" data-testid="vault-unlock-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" data-testid="vault-unlock" disabled={busy !== null}>
            {busy === 'unlock' ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" data-testid="vault-forgot" onClick={() => setForgetting(true)} disabled={busy !== null}>
            Forgot the passphrase?
          </button>
        </div>
      </form>
      {forgetting && (
        <div class="forgot" data-testid="vault-forgot-area">
          <p class="warn">
            Without the passphrase the encrypted list cannot be opened, by you or by anyone. Deleting it removes your clients, your
            “not them” decisions and your “to discuss” list from this browser; your practice settings and replies stay. Then you
            can import the clients again and set a new passphrase.
          </p>
          <label>
            Type {WIPE_CONFIRMATION} to confirm
            <input type="text" autocomplete="off" data-testid="vault-forgot-confirm-text" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button
              class="danger"
              data-testid="vault-forgot-confirm"
              disabled={busy !== null}
              onClick={() => void run('wipe', () => wipeVault(database(), typed), 'The client list was deleted. You can import it again and set a new passphrase.')}
            >
              Delete the client list
            </button>
            <button
              onClick={() => {
                setForgetting(false);
                setTyped('');
              }}
            >
              Keep it
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
          <strong>The client list is encrypted</strong> on this device with your passphrase.
        </p>
        <p class="muted">
          It is unlocked in this browser until you lock it, close the browser, or leave Boundary unused for {idleLabel(status.idleMinutes)}.
        </p>
      </div>
      <div class="row">
        <button class="primary" data-testid="vault-lock" disabled={busy !== null} onClick={() => void run('lock', lockVault)}>
          Lock now
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
          }, 'The passphrase was changed.');
        }}
      >
        <h3>Change the passphrase</h3>
        <label>
          Current passphrase
          <input type="password" autocomplete="current-password" data-testid="vault-change-old" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label>
          New passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)
          <input type="password" autocomplete="new-password" data-testid="vault-change-new" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" data-testid="vault-change" disabled={busy !== null}>
            {busy === 'change' ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
      <h3>Turn encryption off</h3>
      <p class="muted">The list is decrypted and stored unencrypted on this device again.</p>
      <div class="row">
        <button class="danger" data-testid="vault-disable" disabled={busy !== null} onClick={() => void run('disable', () => disableVault(database()), 'Encryption is off.')}>
          Turn off encryption
        </button>
      </div>
    </>
  );
}

function IdleChoice({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  return (
    <label class="inline">
      Lock after
      <select data-testid="vault-idle" value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {IDLE_CHOICES.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {idleLabel(minutes)} without use
          </option>
        ))}
      </select>
    </label>
  );
}

/** The first-run offer: a notice, never a step in the way. Import and detection work without it. */
export function VaultOffer({ onDismissed }: { onDismissed: () => Promise<void> }) {
  return (
    <aside class="card offer" data-testid="vault-offer" aria-label="Protect your client list">
      <p>
        <strong>Protect your client list with a passphrase?</strong> It is stored unencrypted on this device until you set one.
      </p>
      <div class="row">
        <a class="button primary" href="#security" data-testid="vault-offer-setup">
          Set a passphrase
        </a>
        <button
          data-testid="vault-offer-dismiss"
          onClick={() => {
            void dismissVaultOffer(database()).then(onDismissed);
          }}
        >
          Not now
        </button>
      </div>
    </aside>
  );
}
