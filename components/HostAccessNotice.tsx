import { useEffect, useState } from 'preact/hooks';
import { askSigninHostAccess, watchSigninHostAccess } from '@/utils/host-access';
import { t } from '@/utils/i18n';

/**
 * Says so when the browser has not given us the Microsoft sign-in pages (Firefox asks the user
 * for host permissions), and offers the button that asks. Renders nothing once access is granted.
 */
export function HostAccessNotice() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => watchSigninHostAccess(setGranted), []);

  if (granted !== false) return null;
  async function ask() {
    try {
      const given = await askSigninHostAccess();
      setGranted(given);
      setProblem(given ? '' : t('hostAccessRefused'));
    } catch (error) {
      setProblem(t('hostAccessNotAsked', String(error)));
    }
  }
  return (
    <section class="notice" aria-label={t('hostAccessRegion')}>
      <p>{t('hostAccessMissing')}</p>
      <button type="button" onClick={ask}>
        {t('allowHostAccess')}
      </button>
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}
