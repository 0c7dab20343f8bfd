import { runContentScript } from '@/lib/detect/content-main';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';

export default defineContentScript({
  matches: ['*://*.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, instagramAdapter);
  },
});
