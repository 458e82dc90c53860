/**
 * What a code box says, on any screen that has one (screens/entra-code.ts, screens/live-code.ts):
 * the account, the one fillable field and its state, and which method the code comes from.
 */
import { activeMethod } from './active-method';
import { chooseCodeField } from './code-field';
import { pageAccount } from './page-account';
import type { PageFacts, ScreenReading } from './screens/types';
import { isWrongCodeShown } from './wrong-code';

export function readCodePrompt(page: PageFacts): ScreenReading & { elements: { field?: HTMLElement } } {
  const { field, reason } = chooseCodeField(page.doc, page.layout);
  const maxLength = field ? Number(field.getAttribute('maxlength')) : 0;
  return {
    screen: 'code-prompt',
    account: pageAccount(page.doc, page.config),
    field: field
      ? {
          value: field.value,
          maxLength: maxLength > 0 ? maxLength : null,
          wrongCodeShown: isWrongCodeShown(field, page.layout),
        }
      : null,
    fieldProblem: reason,
    method: activeMethod(page.doc, page.pickedProof, page.config, field, page.layout),
    elements: field ? { field } : {},
  };
}
