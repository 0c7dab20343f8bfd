import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { policySuggestion, siteName } from '@/lib/policy/suggestions';
import { defaultReply } from '@/lib/replies/default-replies';
import type { ActionResult } from '@/lib/sites/types';

interface Props {
  tabId: number;
  detection: DetectionView;
  onChanged: () => void;
  onDeclined: () => void;
}

/** One matched person: who it is on the list, what the policy suggests, and one-click actions. */
export function DetectionItem({ tabId, detection, onChanged, onDeclined }: Props) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [declined, setDeclined] = useState(false);
  const reply = defaultReply(detection.platform);
  const names = detection.clients.map((c) => c.name).join(' or ');
  const status = detection.clients.length === 1 ? `${detection.clients[0]!.status} client` : 'clients with this name';

  const run = async (action: () => Promise<ActionResult>, after?: () => void) => {
    setBusy(true);
    try {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) after?.();
    } finally {
      setBusy(false);
    }
  };

  const insert = () =>
    run(async () => {
      const outcome = await ask({ type: 'insert-reply', tabId, token: detection.token, text: reply });
      if (outcome.ok) return outcome;
      // The box could not be filled: the reply goes to the clipboard so it can be pasted by hand.
      try {
        await navigator.clipboard.writeText(reply);
        return { ok: false, reason: `${outcome.reason}. The reply is copied: paste it yourself.` };
      } catch {
        return outcome;
      }
    });

  return (
    <li
      class="detection card"
      data-testid="detection"
      data-platform={detection.platform}
      data-kind={detection.kind}
      data-match={detection.match}
    >
      <h2>
        {names}
        <span class="tag">{status}</span>
      </h2>
      <div class="meta muted">
        {siteName(detection.platform)} · {detection.kind === 'request' ? 'request' : 'conversation'} ·{' '}
        {detection.match === 'exact' ? 'profile on your list' : `name only (page shows “${detection.pageName}”)`}
      </div>
      <p class="policy">{policySuggestion(detection.kind, detection.platform)}</p>
      {detection.match === 'name' && detection.identity && (
        <div class="actions" role="group" aria-label="Is this the client?">
          {detection.clients.map((client) => (
            <button
              key={client.id}
              data-testid="this-is-them"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'this-is-them', tabId, token: detection.token, clientId: client.id }), onChanged)}
            >
              This is {detection.clients.length > 1 ? client.name : 'them'}
            </button>
          ))}
          <button
            data-testid="not-them"
            disabled={busy}
            onClick={() =>
              run(async () => {
                for (const client of detection.clients) {
                  const outcome = await ask({ type: 'not-them', tabId, token: detection.token, clientId: client.id });
                  if (!outcome.ok) return outcome;
                }
                return { ok: true, done: 'Will not be shown again' };
              }, onChanged)
            }
          >
            Not them
          </button>
        </div>
      )}
      <div class="actions">
        {detection.kind === 'request' ? (
          <button
            class="primary"
            data-testid="decline"
            disabled={busy || declined}
            onClick={() => run(() => ask({ type: 'decline', tabId, token: detection.token }), () => {
                setDeclined(true);
                onDeclined();
              })
            }
          >
            Decline on {siteName(detection.platform)}
          </button>
        ) : (
          <button class="primary" data-testid="insert-reply" disabled={busy} onClick={insert}>
            Insert reply
          </button>
        )}
      </div>
      {detection.kind === 'message' && (
        <details>
          <summary>Reply that will be inserted</summary>
          <pre>{reply}</pre>
        </details>
      )}
      {result && (
        <p role="status" data-testid="action-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.ok ? result.done : result.reason}
        </p>
      )}
    </li>
  );
}
