import type { GuardedAction } from '@/lib/sites/types';
import { guardTexts } from './texts';

/** What became of a question: the clinician's answer, or `gone` when it ended with none. */
export type Answer = 'proceed' | 'back' | 'gone';

/**
 * The guard's question, in the page but out of its reach: a plain <div> (a built-in element,
 * so no class of the page's runs for it, and `attachInternals` cannot reach its root) holding
 * one closed shadow root, added when a guarded control is clicked and removed as soon as the
 * question ends. A modal <dialog> keeps focus inside it, and Escape means "go back". Only the
 * browser's own events answer it: a page cannot press its buttons or close it with an event of
 * its making. The page can still take the host away; that ends the question with `gone`.
 */
export function askToProceed(action: GuardedAction, doc: Document = document): Promise<Answer> {
  const texts = guardTexts(action);
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, doc);

  const dialog = doc.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'title');
  dialog.setAttribute('aria-describedby', 'policy');
  const title = doc.createElement('h2');
  title.id = 'title';
  title.textContent = texts.title;
  const policy = doc.createElement('p');
  policy.id = 'policy';
  policy.textContent = texts.policy;
  const logged = doc.createElement('p');
  logged.className = 'small';
  logged.textContent = texts.logged;
  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'primary';
  back.textContent = texts.back;
  back.autofocus = true;
  const proceed = doc.createElement('button');
  proceed.type = 'button';
  proceed.textContent = texts.proceed;
  const buttons = doc.createElement('div');
  buttons.className = 'buttons';
  buttons.append(back, proceed);
  dialog.append(title, policy, logged, buttons);
  root.append(dialog);

  return new Promise<Answer>((resolve) => {
    const parent = doc.body ?? doc.documentElement;
    let answered = false;
    const answer = (given: Answer) => {
      if (answered) return;
      answered = true;
      removal.disconnect();
      dialog.close();
      host.remove();
      resolve(given);
    };
    // Removed or moved by the page (the host, or whatever held it): the question is over.
    const removal = new MutationObserver(() => {
      if (!host.isConnected || host.parentNode !== parent) answer('gone');
    });
    const on = (target: EventTarget, type: string, given: Answer) =>
      target.addEventListener(type, (event) => event.isTrusted && answer(given));
    on(back, 'click', 'back');
    on(proceed, 'click', 'proceed');
    // Escape, or the dialog closed any other way: the safe answer.
    on(dialog, 'close', 'back');
    parent.append(host);
    removal.observe(doc, { childList: true, subtree: true });
    try {
      dialog.showModal();
      back.focus();
    } catch {
      // The browser would not show it (the document is going away): no question, nothing held.
      answer('gone');
    }
  });
}

// Written without the spaces a stylesheet does not need: every site's content script carries it.
const CSS = `
dialog{max-width:26rem;padding:1.25rem 1.25rem 1rem;border:1px solid #c9c4bc;border-radius:10px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2024;background:#fbfaf8;box-shadow:0 10px 40px rgb(0 0 0 / 30%)}
dialog::backdrop{background:rgb(0 0 0 / 45%)}
h2{margin:0 0 .5rem;font-size:1.05rem;color:#8a3b12}
p{margin:0 0 .75rem}
.small{font-size:.85rem;color:#4a4f57}
.buttons{display:flex;gap:.5rem;justify-content:flex-end;flex-wrap:wrap}
button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid #8a8f96;background:#fff;color:#1d2024;cursor:pointer}
button.primary{background:#8a3b12;border-color:#8a3b12;color:#fff}
button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
@media (prefers-color-scheme:dark){
dialog{background:#17191c;color:#e8e6e3;border-color:#3a3f45}
h2{color:#f0a674}
.small{color:#b5b9bf}
button{background:#24272b;color:#e8e6e3;border-color:#5b6169}
button.primary{background:#f0a674;border-color:#f0a674;color:#17191c}
button:focus-visible{outline-color:#8cb4ff}
}`;

/**
 * Styles through a constructed sheet, which the page's Content-Security-Policy does not govern
 * (a <style> element would need the page to allow inline styles); a <style> element where a
 * browser will not adopt a sheet made in the content script's world.
 */
function adoptStyles(root: ShadowRoot, doc: Document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
