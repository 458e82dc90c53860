import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { UnlockForm } from '@/components/PassphraseForms';
import type { VaultState } from '@/lib/messages';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { AccountsSection } from './AccountsSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { SettingsSection } from './SettingsSection';
import { VaultSection } from './VaultSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <HostAccessNotice />
      <NeedsUnlockedVault>
        <SettingsSection />
        <AccountsSection />
        <ImportSection />
        <ExportSection />
        <VaultSection />
      </NeedsUnlockedVault>
    </main>
  );
}

/** Settings (kept inside the vault), import, export and passphrase changes work on the decrypted vault: ask to unlock first. */
function NeedsUnlockedVault({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<VaultState | null>(null);
  useEffect(() => {
    void send({ type: 'vault:state' }).then((reply) => reply.ok && setState(reply.state));
  }, []);
  switch (state) {
    case null:
      return null;
    case 'none':
      return (
        <section aria-labelledby="no-vault-heading">
          <h2 id="no-vault-heading">{t('vault')}</h2>
          <p>{t('noVaultYet')}</p>
        </section>
      );
    case 'locked':
      return (
        <section aria-labelledby="unlock-heading">
          <UnlockForm heading="h2" onUnlocked={() => setState('unlocked')} />
        </section>
      );
    case 'unlocked':
      return <>{children}</>;
  }
}
