import { useEffect, useRef, useState } from 'preact/hooks';
import { groupCode } from '@/components/code-format';
import type { AccountCodes, AccountView } from '@/lib/messages';
import { codeChangeNews, shownCodesById } from '@/lib/popup/code-changes';
import { currentCode } from '@/lib/popup/current-code';
import { t } from '@/utils/i18n';

/**
 * What a screen reader is told about the codes in view: a sentence when they change ("New code
 * for …", "New codes, 28 seconds left"), not every second; the last sentence stays until the next.
 */
export function useCodeNews(
  rowsInView: () => readonly AccountView[],
  codes: ReadonlyMap<string, AccountCodes>,
  now: number,
): string {
  const [news, setNews] = useState('');
  const codesShown = useRef(new Map<string, string>());
  useEffect(() => {
    const shownNow = rowsInView().map((a) => ({
      id: a.id,
      name: a.name,
      ...currentCode(codes.get(a.id), a.period, now),
    }));
    const change = codeChangeNews(codesShown.current, shownNow);
    codesShown.current = shownCodesById(shownNow);
    if (change?.kind === 'one') setNews(t('newCodeFor', [change.name, groupCode(change.code), change.secondsLeft]));
    else if (change?.kind === 'several') setNews(t('newCodes', change.secondsLeft));
  }, [now, codes]);
  return news;
}
