import { runContentScript } from '@/lib/detect/content-main';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: ['*://*.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, facebookAdapter);
  },
});
