import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SIGNIN_MATCH_PATTERNS } from './lib/signin/hosts';

const hostPermissions = [...SIGNIN_MATCH_PATTERNS];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'activeTab', 'clipboardWrite'],
    host_permissions: hostPermissions,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'mfa-autofill@contoso.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
