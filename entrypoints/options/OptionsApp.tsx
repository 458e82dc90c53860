import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { UnlockForm } from '@/components/PassphraseForms';
import { send } from '@/components/send';
import type { VaultState } from '@/lib/messages';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { SettingsSection } from './SettingsSection';
import { VaultSection } from './VaultSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>MFA Autofill settings</h1>
      <HostAccessNotice />
      <SettingsSection />
      <NeedsUnlockedVault>
        <ImportSection />
        <ExportSection />
        <VaultSection />
      </NeedsUnlockedVault>
    </main>
  );
}

/** Import, export and passphrase changes work on the decrypted vault: ask to unlock first. */
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
        <section>
          <h2>Vault</h2>
          <p>
            There is no vault yet. Open the MFA Autofill popup from the toolbar to create one, then come back to import.
          </p>
        </section>
      );
    case 'locked':
      return (
        <section>
          <UnlockForm onUnlocked={() => setState('unlocked')} />
        </section>
      );
    case 'unlocked':
      return <>{children}</>;
  }
}
