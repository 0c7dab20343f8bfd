import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { routeHash } from './route';
import type { OptionsView } from './views';

/**
 * The options page's navigation: a sidebar on wide screens; on narrow ones a bar with a menu
 * button that opens the same list (the CSS decides which, options.css). Plain links to each
 * view's address, so the browser's own Back, reload, middle-click and bookmarks work.
 */
export function AppNav({ views, current }: { views: readonly OptionsView[]; current: string }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // A link followed: the menu has done its job.
  useEffect(() => setOpen(false), [current]);
  const here = views.find((view) => view.id === current);

  return (
    <nav
      class="app-nav"
      aria-label={t('options_sections')}
      data-testid="options-nav"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <div class="app-bar">
        <span class="brand">{t('ext_name')}</span>
        <button
          ref={toggle}
          type="button"
          class="nav-toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="options-nav-list"
          data-testid="options-nav-toggle"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">☰ </span>
          {t('options_menu')}
          {here && <span class="muted"> · {t(here.label)}</span>}
        </button>
      </div>
      <ul id="options-nav-list" class={open ? 'nav-list open' : 'nav-list'}>
        {views.map((view) => (
          <li key={view.id}>
            <a href={routeHash({ view: view.id })} data-view={view.id} aria-current={view.id === current ? 'page' : undefined}>
              {t(view.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
