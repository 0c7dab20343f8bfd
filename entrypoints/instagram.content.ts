import { runContentScript } from '@/lib/detect/content-main';
import { quietContext } from '@/lib/detect/quiet-context';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';

export default defineContentScript({
  matches: ['https://*.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(quietContext(ctx), instagramAdapter);
  },
});
