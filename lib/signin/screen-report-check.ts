/**
 * A screen report that came from somewhere else, checked and redacted again before it is
 * used: from a tab (the page's renderer could be compromised and return anything, so a
 * report from it is data, never trusted to be redacted), or from a file someone sent
 * (`npm run fixture`). Unknown fields are dropped, labels and identifiers masked again,
 * sizes bounded. Returns null for anything that is not a report.
 */
import { enumerationValue, maskIdentifier, maskLabel, reportedUrl } from './report-masking';
import type { ReportedConfig, ReportedElement, ReportedText, ScreenReport, Shown } from './screen-report-types';

const MAX_ELEMENTS = 3000;
const MAX_DEPTH = 60;
const MAX_KEYS = 500;
const SHOWN: readonly Shown[] = ['visible', 'rendered', 'hidden'];
const METHODS: readonly ReportedText['method'][] = ['totp', 'phone', 'email', 'push', 'other', 'mixed', null];
const TAG = /^[a-z][a-z0-9-]{0,40}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function identifier(value: unknown): string | undefined {
  return typeof value === 'string' ? (maskIdentifier(value) ?? undefined) : undefined;
}

function checkedText(value: unknown): ReportedText | undefined {
  if (!isObject(value) || !METHODS.includes(value.method as ReportedText['method'])) return undefined;
  const aadsts = typeof value.aadsts === 'string' && /^\d{5,7}$/.test(value.aadsts) ? value.aadsts : null;
  return { method: value.method as ReportedText['method'], address: value.address === true, aadsts };
}

function checkedElement(value: unknown, budget: { left: number }, depth: number): ReportedElement | null {
  if (!isObject(value) || budget.left <= 0 || depth > MAX_DEPTH) return null;
  if (typeof value.tag !== 'string' || !TAG.test(value.tag) || !SHOWN.includes(value.shown as Shown)) return null;
  budget.left--;
  const maxLength = value.maxLength;
  const classes = Array.isArray(value.classes)
    ? value.classes.map(identifier).filter((name): name is string => name !== undefined && !/\s/.test(name))
    : [];
  const children = Array.isArray(value.children)
    ? value.children
        .map((child) => checkedElement(child, budget, depth + 1))
        .filter((child): child is ReportedElement => child !== null)
    : [];
  const element: ReportedElement = {
    tag: value.tag,
    id: identifier(value.id),
    name: identifier(value.name),
    testId: identifier(value.testId),
    role: identifier(value.role),
    type: identifier(value.type),
    maxLength: Number.isSafeInteger(maxLength) && (maxLength as number) >= 0 ? (maxLength as number) : undefined,
    autocomplete: identifier(value.autocomplete),
    inputMode: identifier(value.inputMode),
    classes: classes.length > 0 ? classes.slice(0, 20) : undefined,
    dataValue: identifier(value.dataValue),
    credType: typeof value.credType === 'string' && /^\d{1,2}$/.test(value.credType) ? value.credType : undefined,
    src: identifier(value.src),
    ariaHidden: value.ariaHidden === true || undefined,
    disabled: value.disabled === true || undefined,
    readOnly: value.readOnly === true || undefined,
    shown: value.shown as Shown,
    label: typeof value.label === 'string' ? (maskLabel(value.label) ?? undefined) : undefined,
    text: checkedText(value.text),
    children: children.length > 0 ? children : undefined,
  };
  return Object.fromEntries(
    Object.entries(element).filter(([, field]) => field !== undefined),
  ) as unknown as ReportedElement;
}

function checkedConfig(value: unknown): ReportedConfig | null {
  if (!isObject(value)) return null;
  const keys = Array.isArray(value.keys)
    ? value.keys
        .slice(0, MAX_KEYS)
        .map(identifier)
        .filter((key): key is string => key !== undefined)
    : [];
  const proofs = Array.isArray(value.proofs) ? value.proofs.slice(0, 20) : [];
  const credentialTypes = isObject(value.credentialTypes) ? value.credentialTypes : {};
  return {
    keys,
    pgid: enumerationValue(value.pgid),
    proofs: proofs.flatMap((proof) => {
      const authMethodId = isObject(proof) ? enumerationValue(proof.authMethodId) : null;
      return authMethodId && isObject(proof) ? [{ authMethodId, isDefault: proof.isDefault === true }] : [];
    }),
    credentialTypes: Object.fromEntries(
      Object.entries(credentialTypes)
        .slice(0, 20)
        .flatMap(([key, type]) => {
          const name = enumerationValue(key);
          return name && Number.isInteger(type) && (type as number) >= 0 && (type as number) < 100
            ? [[name, type]]
            : [];
        }),
    ) as Record<string, number>,
  };
}

function checkedStatus(value: unknown): ScreenReport['status'] {
  if (!isObject(value)) return undefined;
  const state = enumerationValue(value.state);
  if (!state) return undefined;
  const reason = enumerationValue(value.reason);
  return reason ? { state, reason } : { state };
}

export function checkedScreenReport(value: unknown): ScreenReport | null {
  if (!isObject(value) || value.version !== 1) return null;
  const budget = { left: MAX_ELEMENTS };
  const truncated = Number.isSafeInteger(value.truncated) ? Math.max(0, value.truncated as number) : 0;
  const report: ScreenReport = {
    version: 1,
    url: typeof value.url === 'string' ? reportedUrl(value.url) : '',
    title: typeof value.title === 'string' ? maskLabel(value.title) : null,
    config: checkedConfig(value.config),
    body: checkedElement(value.body, budget, 0),
    truncated,
  };
  const status = checkedStatus(value.status);
  return status ? { ...report, status } : report;
}
