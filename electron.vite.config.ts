import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security';

/**
 * The CSP in the page as well as in the response headers (app:// in the window, browser mode's server):
 * a second copy that holds even where a response arrives without its headers.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'lectern-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' }],
  };
}

// This project keeps electron/, renderer/ and shared/ at the top level instead of electron-vite's src/
// defaults, so every input and output is explicit. The preload is CommonJS because a sandboxed preload
// cannot be an ES module while the package is "type": "module".
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The worker threads' entries are built beside index.js, where their clients look for them
      // (spawn-worker.ts): the reader, the paste reader and the upkeep thread.
      rollupOptions: {
        input: {
          index: resolve(here, 'electron/main/index.ts'),
          'read-worker': resolve(here, 'electron/handlers/read-worker.ts'),
          'upkeep-worker': resolve(here, 'electron/handlers/upkeep-worker.ts'),
          'paste-worker': resolve(here, 'electron/handlers/paste-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(here, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(here, 'out/renderer'),
      rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } },
    },
  },
});
