import { runContentScript } from '@/lib/detect/content-main';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, linkedinAdapter);
  },
});
