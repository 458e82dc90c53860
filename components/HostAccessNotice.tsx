import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasSigninHostAccess, requestSigninHostAccess } from '@/lib/host-permissions';
import { t } from '@/utils/i18n';

/**
 * Says so when the browser has not given us the Microsoft sign-in pages (Firefox asks the user
 * for host permissions), and offers the button that asks. Renders nothing once access is granted.
 */
export function HostAccessNotice() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void hasSigninHostAccess(browser.permissions).then(setGranted);
    const update = () => void hasSigninHostAccess(browser.permissions).then(setGranted);
    browser.permissions.onAdded?.addListener(update);
    browser.permissions.onRemoved?.addListener(update);
    return () => {
      browser.permissions.onAdded?.removeListener(update);
      browser.permissions.onRemoved?.removeListener(update);
    };
  }, []);

  if (granted !== false) return null;
  async function ask() {
    try {
      const given = await requestSigninHostAccess(browser.permissions);
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
