import { detectionFor, expect, replicaState, test } from './support/test';

// The confidentiality check as a clinician meets it: clinical words flagged in the template
// editor, and the practice's own name and channels never counted against a reply, in the options
// page, the popup and the background's last check before a reply goes in.

const THREAD = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('a practice named "Sam Hale Counselling" signs its replies without a flag; clinical words are flagged', async ({ boundary, context, replicas }) => {
  await boundary.importCsv('name,linkedin\nAna Souza,https://www.linkedin.com/in/ana-souza-7c1d2e/\n');
  const options = await boundary.openOptions('practice');
  await options.getByTestId('settings-practice').fill('Sam Hale Counselling');
  await options.getByTestId('settings-portal').fill('https://therapy-portal.example');
  await options.getByTestId('settings-save').click();
  await expect(options.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  await expect(options.getByTestId('settings-preview')).toContainText('Sam Hale Counselling');

  // A template that names the practice by hand passes; one about medication and symptoms does not.
  await boundary.showView(options, 'replies');
  await options.getByTestId('template-add').click();
  const form = options.getByTestId('template-form');
  await form.getByTestId('template-name').fill('Signed');
  await form.getByTestId('template-body').fill('Thank you. Please use the portal at therapy-portal.example.\nSam Hale Counselling');
  await expect(form.getByTestId('template-lint-ok')).toBeVisible();
  await form
    .getByTestId('template-body')
    .fill('I hope the new medication is helping with your depression and the panic attacks have eased. Take your antidepressants.');
  const lint = form.getByTestId('template-lint');
  for (const word of ['medication', 'depression', 'panic attacks', 'antidepressants']) await expect(lint).toContainText(`“${word}”`);
  await expect(lint).toContainText('a diagnosis or symptom');
  await form.getByTestId('template-cancel').click();

  // The popup's default reply signs with the practice's name and goes in with one click.
  const site = await context.newPage();
  await site.goto(replicas.serve(THREAD, 'linkedin/messaging.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Souza', 'message', 'exact');
  await expect(ana.getByTestId('reply-edit')).toHaveValue(/Sam Hale Counselling/);
  await expect(ana.getByTestId('reply-edit')).toHaveValue(/https:\/\/therapy-portal\.example/);
  await expect(ana.getByTestId('lint-warning')).toHaveCount(0);
  await expect(ana.getByTestId('insert-reply')).toHaveAttribute('data-flagged', 'false');
  await ana.getByTestId('insert-reply').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).editors['thread-ana-souza']).toContain('Sam Hale Counselling');
});

test.describe('in Spanish', () => {
  test.use({ uiLanguage: 'es' });
  test('clinical words in a Spanish template are flagged, with the reason in Spanish', async ({ boundary }) => {
    const options = await boundary.openOptions('replies');
    await options.getByTestId('template-add').click();
    const form = options.getByTestId('template-form');
    await form
      .getByTestId('template-body')
      .fill('Espero que la nueva medicación le esté ayudando con la depresión y que los ataques de pánico hayan remitido. Tome sus antidepresivos.');
    const lint = form.getByTestId('template-lint');
    for (const word of ['medicación', 'depresión', 'ataques de pánico', 'antidepresivos']) await expect(lint).toContainText(`“${word}”`);
    await expect(lint).toContainText('un diagnóstico o síntoma');
  });
});
