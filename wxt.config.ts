import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The three sites Boundary reads; nothing else is requested up front.
export const SITE_MATCHES = [
  '*://*.facebook.com/*',
  '*://*.instagram.com/*',
  '*://*.linkedin.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Boundary',
    description:
      'Keeps your social-media policy: spots requests and messages from clients on Facebook, Instagram and LinkedIn. Your client list never leaves this device.',
    permissions: ['storage'],
    host_permissions: SITE_MATCHES,
    action: { default_title: 'Boundary' },
  },
  hooks: {
    'build:done': (wxt) => {
      if (wxt.config.command !== 'build') return;
      wxt.logger.info(
        `Unpacked extension ready in ${wxt.config.outDir}\n` +
          '  Load it: open chrome://extensions, turn on Developer mode, choose "Load unpacked", pick that folder.',
      );
    },
  },
});
