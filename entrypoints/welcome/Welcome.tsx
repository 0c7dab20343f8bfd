import { browser } from 'wxt/browser';
import { RichMessage } from '@/components/RichMessage';
import { t } from '@/lib/i18n/t';

/** Shown once, when Boundary is installed: what it does in three steps, and what it never does. */
export function Welcome() {
  const options = browser.runtime.getURL('/options.html');
  return (
    <main>
      <header>
        <h1>{t('page_title_welcome')}</h1>
        <p class="muted">{t('welcome_tagline')}</p>
      </header>
      <ol class="steps" data-testid="welcome-steps">
        <li>
          <div>
            <h2>{t('welcome_step_add')}</h2>
            <p>
              <RichMessage message="welcome_step_add_body" parts={[<a href={options}>{t('welcome_client_list')}</a>]} />
            </p>
          </div>
        </li>
        <li>
          <div>
            <h2>{t('welcome_step_browse')}</h2>
            <p>{t('welcome_step_browse_body')}</p>
          </div>
        </li>
        <li>
          <div>
            <h2>{t('welcome_step_act')}</h2>
            <p>{t('welcome_step_act_body')}</p>
          </div>
        </li>
      </ol>
      <section class="card" aria-labelledby="never-heading">
        <h2 id="never-heading">{t('welcome_never')}</h2>
        <ul class="never">
          <li>{t('welcome_never_send')}</li>
          <li>{t('welcome_never_act')}</li>
          <li>{t('welcome_never_mark')}</li>
          <li>{t('welcome_never_reveal')}</li>
        </ul>
      </section>
      <p>
        <a class="primary" href={options} data-testid="welcome-start">
          {t('welcome_start')}
        </a>
      </p>
    </main>
  );
}
