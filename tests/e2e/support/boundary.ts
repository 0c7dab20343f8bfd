import type { BrowserContext, Page, Worker } from '@playwright/test';

// The extension's chrome.* API, as seen from inside the service worker in worker.evaluate().
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The options page's views, by address (entrypoints/options/views.tsx). */
export type OptionsViewId = 'home' | 'clients' | 'import' | 'replies' | 'practice' | 'discuss' | 'activity' | 'checkup' | 'security' | 'sites';

/** What tests do through the extension's own pages, via the test contract's hooks. */
export class Boundary {
  constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly extensionId: string,
  ) {}

  url(page: string): string {
    return `chrome-extension://${this.extensionId}/${page}`;
  }

  /**
   * Opens the options page: at its home view (what options.html alone shows), or at a view's own
   * address, `options.html#/<view>` (the ids in entrypoints/options/views.tsx).
   */
  async openOptions(view?: OptionsViewId): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url(`options.html${view ? `#/${view}` : ''}`));
    if (view) await page.locator(`[data-testid="options-view"][data-view="${view}"]`).waitFor();
    return page;
  }

  /**
   * Goes to another view of an open options page through its navigation, as a person would (the
   * menu button first on a narrow window); waits until the view is shown.
   */
  async showView(page: Page, view: OptionsViewId): Promise<Page> {
    const nav = page.getByTestId('options-nav');
    await nav.waitFor();
    const link = nav.locator(`a[data-view="${view}"]`);
    if (!(await link.isVisible())) await page.getByTestId('options-nav-toggle').click();
    await link.click();
    await page.locator(`[data-testid="options-view"][data-view="${view}"]`).waitFor();
    return page;
  }

  /**
   * Imports CSV text through the options page; returns the summary's counts. A fresh page is
   * options.html itself (the home view takes a CSV at once, as outside checks expect); a page
   * passed in goes to the import view first unless it shows the import already.
   */
  async importCsv(csv: string, options?: Page): Promise<{ page: Page; imported: number; rejected: number }> {
    const page = options ?? (await this.openOptions());
    if (options) {
      const view = await page.getByTestId('options-view').getAttribute('data-view');
      if (view !== 'home' && view !== 'import') await this.showView(page, 'import');
    }
    await page.getByTestId('import-clients').setInputFiles({
      name: 'clients.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    return {
      page,
      imported: Number(await summary.getAttribute('data-imported')),
      rejected: Number(await summary.getAttribute('data-rejected')),
    };
  }

  /**
   * Sets a passphrase through the options page's Security view; waits until the list is
   * encrypted. The page is left on that view.
   */
  async enableVault(passphrase: string, options?: Page): Promise<Page> {
    const page = options ? await this.showView(options, 'security') : await this.openOptions('security');
    await page.getByTestId('vault-passphrase').fill(passphrase);
    await page.getByTestId('vault-passphrase-confirm').fill(passphrase);
    await page.getByTestId('vault-enable').click();
    await page.locator('[data-testid="vault-status"][data-state="unlocked"]').waitFor();
    return page;
  }

  /**
   * The browser's id for a page's tab, asked of the extension itself. The extension sees the
   * address only of the sites it may read; for any other page, the tab is found as the active one.
   */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    await page.bringToFront();
    return this.worker.evaluate(async (href) => {
      const tabs = await chrome.tabs.query({});
      const tab =
        tabs.find((t: { url?: string }) => t.url === href) ??
        (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).find((t: { url?: string }) => t.url === undefined);
      if (tab?.id === undefined) throw new Error(`no tab for ${href}`);
      return tab.id;
    }, url);
  }

  /** Opens the popup as a page for the given site tab (popup.html?tab=<id>). */
  async openPopup(site: Page | number): Promise<Page> {
    const tabId = typeof site === 'number' ? site : await this.tabIdOf(site);
    const popup = await this.context.newPage();
    await popup.goto(this.url(`popup.html?tab=${tabId}`));
    return popup;
  }

  /** Everything in the extension's session storage: per-tab detections, the vault's key while unlocked. */
  async sessionStorage(): Promise<Record<string, unknown>> {
    return this.worker.evaluate(() => chrome.storage.session.get(null));
  }

  async badgeText(site: Page): Promise<string> {
    const tabId = await this.tabIdOf(site);
    return this.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }
}

