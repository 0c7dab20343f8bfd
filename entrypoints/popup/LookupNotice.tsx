import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { LookupView } from '@/lib/messaging/messages';
import { SAFE_REVIEW_REPLY } from '@/lib/reviews/suggested-reply';
import { ENGINE_NAMES } from '@/lib/searches/engines';
import type { ReplyLanguage } from '@/lib/settings/practice';
import { useWelfareForm } from './later-parts';

/** A search that named listed people, or a review-reply screen: what the policy says there. */
export function LookupNotice({ lookup, language }: { lookup: LookupView; language: ReplyLanguage }) {
  return lookup.kind === 'search' ? <SearchNotice lookup={lookup} /> : <ReviewNotice site={lookup.site} language={language} />;
}

function SearchNotice({ lookup }: { lookup: Extract<LookupView, { kind: 'search' }> }) {
  const [logging, setLogging] = useState(false);
  const WelfareCheckForm = useWelfareForm();
  const engine = ENGINE_NAMES[lookup.engine];
  return (
    <section class="card lookup" data-testid="lookup" data-kind="search" data-engine={lookup.engine} aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('search_title')}</h2>
      <ul class="names">
        {lookup.clients.map((client) => (
          <li key={client.id} data-testid="lookup-client">
            {client.name}{' '}
            <span class="tag">{t(client.status === 'current' ? 'status_current_client' : 'status_former_client')}</span>
          </li>
        ))}
      </ul>
      <p class="policy">{t('search_policy', engine)}</p>
      <div class="actions">
        <button class="primary" data-testid="welfare-check-open" aria-expanded={logging} onClick={() => setLogging(!logging)}>
          {t('welfare_open')}
        </button>
      </div>
      {logging && WelfareCheckForm && (
        <WelfareCheckForm clients={lookup.clients} place={lookup.engine} lookedAt={t('search_looked_at', engine)} onDone={() => setLogging(false)} />
      )}
    </section>
  );
}

function ReviewNotice({ site, language }: { site: Extract<LookupView, { kind: 'review' }>['site']; language: ReplyLanguage }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const reply = SAFE_REVIEW_REPLY[language];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reply);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section class="card lookup" data-testid="lookup" data-kind="review" data-site={site} aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('review_title', t(site === 'yelp' ? 'review_site_yelp' : 'review_site_google_business'))}</h2>
      <p class="policy">{t('review_why')}</p>
      <p>{t('review_none_is_best')}</p>
      <p class="muted">{t('review_suggestion_lead')}</p>
      <pre class="reply-text" data-testid="review-reply" lang={language}>
        {reply}
      </pre>
      <div class="actions">
        <button data-testid="review-copy" onClick={() => void copy()}>
          {t('review_copy')}
        </button>
      </div>
      {copied !== null && (
        <p role="status" class={copied ? 'ok' : 'warn'}>
          {t(copied ? 'review_copied' : 'review_copy_failed')}
        </p>
      )}
    </section>
  );
}
