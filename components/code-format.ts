/** Groups a code for reading aloud: 3+3 for six digits, 4+4 for eight. */
export function groupCode(code: string): string {
  const half = code.length / 2;
  return Number.isInteger(half) ? `${code.slice(0, half)} ${code.slice(half)}` : code;
}
