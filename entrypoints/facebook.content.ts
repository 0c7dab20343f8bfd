import { runContentScript } from '@/lib/detect/content-main';
import { quietContext } from '@/lib/detect/quiet-context';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';

export default defineContentScript({
  matches: ['https://*.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(quietContext(ctx), facebookAdapter);
  },
});
