/**
 * Which method the "Enter code" prompt is asking for. The same page takes SMS and voice
 * codes, and a TOTP code typed there is wrong and costs an attempt, so this decides in the order
 * of docs/ARCHITECTURE.md, 'Fill rules', and fails closed:
 * 1. the proof the user picked on the chooser in this tab;
 * 2. else the default proof, or the only one, in `$Config.arrUserProofs`;
 * 3. else the description's wording.
 * Never fill when these disagree or say nothing.
 */
import { codeViewText } from './code-view';
import { methodFromWording } from './method-wording';
import { type PageConfig, readPageConfig, type UserProof } from './page-config';
import { type CodeMethod, methodOfProof } from './proof-method';
import { browserLayout, type Layout } from './visibility';

/** 'rendering': the view's words are still to come (say, the field is shown first), so nothing is decided yet. */
export type ActiveMethod = CodeMethod | 'unknown' | 'disagree' | 'rendering';

export interface MethodEvidence {
  /** `data-value` of the chooser tile picked in this tab, if any. */
  pickedProof: string | null;
  proofs: readonly UserProof[];
  /** The prompt's description text. */
  description: string | null;
}

export function decideActiveMethod({ pickedProof, proofs, description }: MethodEvidence): ActiveMethod {
  const picked = pickedProof ? methodOfProof(pickedProof) : null;
  const configured = configuredCodeMethod(proofs);
  const worded = methodFromWording(description);
  if (worded === 'mixed') return 'disagree';
  const method = picked ?? configured ?? worded;
  if (!method) return 'unknown';
  if (worded && worded !== method) return 'disagree';
  // A pick of a method this account has no proof of cannot be what the page is asking for.
  if (pickedProof && proofs.length > 0 && !proofs.some((proof) => proof.authMethodId === pickedProof)) {
    return 'disagree';
  }
  return method;
}

/**
 * The default proof, or the only one, when it is a code method. A push default says nothing
 * about a page that shows a code box: the user has switched away from the notification.
 */
function configuredCodeMethod(proofs: readonly UserProof[]): CodeMethod | null {
  const proof = proofs.length === 1 ? proofs[0] : proofs.find((candidate) => candidate.isDefault);
  const method = proof ? methodOfProof(proof.authMethodId) : null;
  return method === 'totp' || method === 'phone' ? method : null;
}

export function activeMethod(
  doc: Document = document,
  pickedProof: string | null = null,
  config: PageConfig | null = readPageConfig(doc),
  field: HTMLInputElement | null = null,
  layout: Layout = browserLayout(doc),
): ActiveMethod {
  const description = codeDescription(doc, field, layout);
  // A view that shows its field before its words (React and knockout render in steps) is judged
  // once the words are there: `$Config` alone could name the app while the words will say SMS.
  const descriptionElement = doc.getElementById('idDiv_SAOTCC_Description');
  if (description === null && (descriptionElement !== null || field !== null)) return 'rendering';
  return decideActiveMethod({ pickedProof, proofs: config?.proofs ?? [], description });
}

/**
 * The prompt's description: `#idDiv_SAOTCC_Description` on the work-account pages, wherever it
 * sits. Without it (login.live.com's newer UI has no SAOTCC ids), the words of the view that
 * holds the field (code-view.ts).
 */
export function codeDescription(
  doc: Document = document,
  field: HTMLInputElement | null = null,
  layout: Layout = browserLayout(doc),
): string | null {
  const description = doc.getElementById('idDiv_SAOTCC_Description');
  if (description) return normalizedText(description);
  return field ? codeViewText(field, layout) : null;
}

function normalizedText(element: Element): string | null {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
