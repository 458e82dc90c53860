import { HostAccessNotice } from '@/components/HostAccessNotice';
import { SettingsSection } from './SettingsSection';
import { VaultSection } from './VaultSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>MFA Autofill settings</h1>
      <HostAccessNotice />
      <SettingsSection />
      <VaultSection />
    </main>
  );
}
