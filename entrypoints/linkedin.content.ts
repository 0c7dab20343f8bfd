import { runContentScript } from '@/lib/detect/content-main';
import { quietContext } from '@/lib/detect/quiet-context';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(quietContext(ctx), linkedinAdapter);
  },
});
