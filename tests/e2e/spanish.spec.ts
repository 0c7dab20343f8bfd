import { detectionFor, expect, test } from './support/test';

// The browser's UI in Spanish: Boundary's pages follow it (public/_locales/es).
test.use({ uiLanguage: 'es' });

test('with the browser in Spanish, the options page and the popup speak Spanish', async ({ boundary, context, replicas, worker }) => {
  // Chromium falls back to English without its Spanish pack (Debian: chromium-l10n). The locale is
  // read as the browser resolved it for the extension's messages (`@@ui_locale`): getUILanguage()
  // answers from the renderer process and has said en-US here with the browser in Spanish.
  const uiLanguage = await worker.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getMessage(name: string): string } } }).chrome.i18n.getMessage('@@ui_locale'));
  expect(uiLanguage, 'Chromium has no Spanish UI here: install chromium-l10n').toMatch(/^es/);

  const { page: options, imported } = await boundary.importCsv(
    'name,status,aliases,facebook,instagram,linkedin\nAna Ruiz-Calder,current,,100089412300001,,\nFila mala,quizá,,,,',
  );
  expect(imported).toBe(1);
  // Each view's name comes first in the title, as in the browser's history and tab strip.
  await expect(options).toHaveTitle('Inicio · Boundary · Opciones');
  await expect(options.locator('html')).toHaveAttribute('lang', 'es');
  await expect(options.getByTestId('import-summary')).toContainText('Se importó 1 fila (nuevas: 1; actualizadas: 0). Rechazadas: 1.');
  await expect(options.getByTestId('import-rejection')).toHaveText('Línea 3: el estado "quizá" no es "enquiry", "waitlist", "current" ni "former"');
  await boundary.showView(options, 'practice');
  await expect(options.locator('#practice-heading')).toHaveText('Datos de la consulta');
  await boundary.showView(options, 'clients');
  await expect(options).toHaveTitle('Lista de clientes · Boundary · Opciones');
  await expect(options.getByTestId('add-client')).toHaveText('Añadir cliente');

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact');
  await expect(ana).toContainText('cliente actual');
  await expect(ana).toContainText('perfil de su lista');
  await expect(ana.getByTestId('decline')).toHaveText('Rechazar en Facebook');
  await expect(popup.getByRole('link', { name: 'Lista de clientes' })).toBeVisible();
});
