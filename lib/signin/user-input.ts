/**
 * "Never type into a field the user has started typing in" (docs/ARCHITECTURE.md, 'Fill rules'): a
 * value we did not put there is the user's (or another filler's), and stays.
 */
export function userHasTyped(field: HTMLInputElement, valueWeSet: string | null = null): boolean {
  return field.value !== '' && field.value !== valueWeSet;
}
