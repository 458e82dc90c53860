import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SIGNIN_MATCH_PATTERNS } from './lib/signin/hosts';

const hostPermissions = [...SIGNIN_MATCH_PATTERNS];

// public/icon/<size>.png, rendered from public/icon.svg by scripts/render-icons.mjs. WXT puts every
// one of them in the manifest's `icons` by itself; the toolbar button is given its sizes here.
const toolbarIcon = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources archive Mozilla asks for: what `npm ci && npm run build` needs, not the tests.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'automation/**',
      'docs/**',
      '**/*.test.ts',
      '.ci/**',
      'test-results/**',
      'scripts/bench.mjs',
    ],
  },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The offscreen document (clipboard clearing) is Chrome's and Edge's: Firefox's background page
    // has a DOM of its own. Left out of the Firefox build here rather than by a `manifest.include`
    // in its HTML, which makes every Firefox build warn that it "skipped" the entrypoint.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.browser !== 'firefox') return;
      const offscreen = entrypoints.findIndex((entry) => entry.name === 'offscreen');
      if (offscreen >= 0) entrypoints.splice(offscreen, 1);
    },
    // The content script is a plain unlisted script (entrypoints/mfa.ts), not a WXT content
    // script: WXT's content-script runtime talks to the page (docs/ARCHITECTURE.md,
    // 'Security notes from review'). It is the first stage only; the background runs the second,
    // mfa-runner.js, when the page needs it (docs/ARCHITECTURE.md, 'Content script').
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        {
          matches: [...SIGNIN_MATCH_PATTERNS],
          js: ['mfa.js'],
          // The pages render late anyway (knockout, body display:none): the observer sees the
          // prompt appear, so running before the document is parsed would gain nothing.
          run_at: 'document_idle',
          // Top frame only (docs/ARCHITECTURE.md, 'Trust rules'); startAutofill checks window.top
          // as well.
          all_frames: false,
        },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Why each is needed: README.md, 'Permissions'.
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'clipboardWrite',
      'idle',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: hostPermissions,
    action: { default_title: '__MSG_extName__', default_icon: toolbarIcon },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+M' } },
      'fill-code': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_commandFillCode__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'mfa-autofill@contoso.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android knows data_collection_permissions from 142 on (web-ext lint).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
