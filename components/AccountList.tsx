import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useViewportHeight } from '@/hooks/useViewportHeight';
import { useWholeRowsHigh } from '@/hooks/useWholeRowsHigh';
import type { AccountView } from '@/lib/messages';
import { type Codes, currentCode } from '@/lib/popup/current-code';
import { isListKey, scrollToShow, targetRow, visibleWindow } from '@/lib/popup/list-window';
import { t } from '@/utils/i18n';
import { groupCode } from './code-format';

/**
 * Every row has this height (components/theme.css reads it from `--row-height`): windowing
 * turns a scroll position into rows by division, with no measuring of 2,000 rows.
 */
export const ROW_HEIGHT_PX = 76;
/** The list's height before it has been measured (theme.css: `.account-scroller` max-height, five rows). */
const INITIAL_VIEWPORT_PX = 5 * ROW_HEIGHT_PX;

interface ListProps {
  accounts: readonly AccountView[];
  codes: ReadonlyMap<string, Codes>;
  now: number;
  onCopy: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
  /** The rows rendered now (in view and just around it), so their codes can be fetched first. */
  onRowsInView: (accounts: readonly AccountView[]) => void;
  /** An account to scroll into view and give the focus to (one just added), once it is listed. */
  reveal?: string | null;
  /** Called when `reveal` has been shown. */
  onRevealed?: () => void;
}

/**
 * Only the rows in view (and a few around them) are in the DOM: the popup costs the same at 2,000
 * accounts as at 20. Each row keeps its place in the whole list for screen readers
 * (aria-setsize/aria-posinset). Arrow keys, Page Up/Down, Home and End move the focus from row to
 * row, rendering the row they land on first.
 */
export function AccountList({ accounts, codes, now, onCopy, onEdit, onRowsInView, reveal, onRevealed }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const height = useWholeRowsHigh(scroller, ROW_HEIGHT_PX);
  const [scrollTop, setScrollTop] = useState(0);
  /** The row holding the focus stays rendered when scrolled away, so the focus is not lost. */
  const [focusedRow, setFocusedRow] = useState<number | null>(null);
  const focusAfterRender = useRef<number | null>(null);

  const count = accounts.length;
  const viewport = useViewportHeight(scroller, INITIAL_VIEWPORT_PX, count > 0);
  const range = visibleWindow(scrollTop, viewport, ROW_HEIGHT_PX, count);
  const indexes: number[] = [];
  for (let i = range.start; i < range.end; i++) indexes.push(i);
  if (focusedRow !== null && focusedRow < count && (focusedRow < range.start || focusedRow >= range.end)) {
    indexes.push(focusedRow);
    indexes.sort((a, b) => a - b);
  }

  const countBefore = useRef(count);
  useLayoutEffect(() => {
    const el = scroller.current;
    // Not on the first render: nothing is scrolled yet, and reading scrollTop would force a layout.
    if (!el || countBefore.current === count) return;
    countBefore.current = count;
    // A shorter list (a search) can leave the old scroll position past its end.
    if (el.scrollTop !== scrollTop) setScrollTop(el.scrollTop);
    setFocusedRow(null);
  }, [count]);

  useLayoutEffect(() => {
    const el = scroller.current;
    const index = reveal ? accounts.findIndex((a) => a.id === reveal) : -1;
    if (!el || index < 0) return;
    moveFocusTo(index, el);
    onRevealed?.();
  }, [reveal, accounts]);

  useLayoutEffect(() => {
    const wanted = focusAfterRender.current;
    if (wanted === null) return;
    // Not rendered yet when the focus was asked for in this same pass (reveal): the next one has it.
    const button = scroller.current?.querySelector<HTMLElement>(`[data-row="${wanted}"] button.copy`);
    if (!button) return;
    focusAfterRender.current = null;
    button.focus();
  });

  const rendered = indexes.map((i) => accounts[i]).filter((a): a is AccountView => a !== undefined);
  const renderedIds = rendered.map((a) => a.id).join('\u0000');
  useEffect(() => {
    onRowsInView(rendered);
  }, [renderedIds]);

  function onKeyDown(event: KeyboardEvent) {
    if (!isListKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    const el = scroller.current;
    if (!row || !el) return;
    event.preventDefault();
    const perPage = Math.floor(el.clientHeight / ROW_HEIGHT_PX);
    moveFocusTo(targetRow(Number(row.dataset.row), event.key, perPage, count), el);
  }

  /** Scrolls row `index` wholly into view and focuses its Copy button once it is rendered. */
  function moveFocusTo(index: number, el: HTMLElement) {
    el.scrollTop = scrollToShow(index, el.scrollTop, el.clientHeight, ROW_HEIGHT_PX);
    focusAfterRender.current = index;
    setFocusedRow(index);
    setScrollTop(el.scrollTop);
  }

  if (count === 0) return <p class="empty">{t('noAccountsMatch')}</p>;
  return (
    <div
      class="account-scroller"
      ref={scroller}
      style={{ '--row-height': `${ROW_HEIGHT_PX}px`, ...(height === null ? {} : { maxHeight: `${height}px` }) }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <ul class="accounts" aria-label={t('accounts')} style={{ height: `${count * ROW_HEIGHT_PX}px` }}>
        {indexes.map((i) => {
          const account = accounts[i];
          if (!account) return null;
          return (
            <AccountRow
              key={account.id}
              index={i}
              setSize={count}
              account={account}
              codes={codes.get(account.id)}
              now={now}
              onCopy={onCopy}
              onEdit={onEdit}
              onKeyDown={onKeyDown}
              onFocus={() => setFocusedRow(i)}
            />
          );
        })}
      </ul>
    </div>
  );
}

interface RowProps {
  index: number;
  setSize: number;
  account: AccountView;
  codes: Codes | undefined;
  now: number;
  onCopy: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onFocus: () => void;
}

function AccountRow({ index, setSize, account, codes, now, onCopy, onEdit, onKeyDown, onFocus }: RowProps) {
  const { code, secondsLeft } = currentCode(codes, account.period, now);
  const fraction = Math.max(0, Math.min(1, secondsLeft / account.period));
  const ending = secondsLeft <= 5;
  const nextCode = codes?.nextCode ?? '';
  return (
    <li
      class={`account${account.pinned ? ' pinned' : ''}`}
      data-row={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ top: `${index * ROW_HEIGHT_PX}px` }}
    >
      <div class="who">
        <span class="name" title={account.name}>
          {account.pinned ? (
            <span class="pin-mark">
              <span aria-hidden="true">★ </span>
              <span class="sr-only">{t('pinned')} </span>
            </span>
          ) : null}
          {account.name}
        </span>
        {account.issuer ? <span class="issuer">{account.issuer}</span> : null}
      </div>
      <div class="code-wrap">
        <span class={`code${ending ? ' ending' : ''}`} data-code={code}>
          <span class="sr-only">{t('code')} </span>
          {code ? groupCode(code) : '…'}
        </span>
        <span class="time-left">
          <span
            class="timer"
            role="progressbar"
            aria-label={t('timeLeft')}
            aria-valuemin={0}
            aria-valuemax={account.period}
            aria-valuenow={secondsLeft}
            aria-valuetext={secondsLeft === 1 ? t('oneSecondLeft') : t('secondsLeft', secondsLeft)}
          >
            <span class="bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
          </span>
          {/* The progress bar already says it to screen readers: this is for the eyes. */}
          <span class="seconds" aria-hidden="true">
            {t('secondsShort', secondsLeft)}
          </span>
        </span>
        {ending && nextCode && code !== nextCode ? (
          <span class="next">{t('nextCode', groupCode(nextCode))}</span>
        ) : null}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="copy"
          aria-label={t('copyCodeFor', account.name)}
          aria-disabled={code === '' ? 'true' : undefined}
          onClick={() => onCopy(account)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          {t('copy')}
        </button>
        <button
          type="button"
          class="icon"
          aria-label={t('editAccountNamed', account.name)}
          title={t('editAccountNamed', account.name)}
          onClick={() => onEdit(account)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          ✎
        </button>
      </div>
    </li>
  );
}
