/**
 * Page text printed by the launcher and the probe (packages/playwright/src/printable.ts): control
 * characters that would steer a terminal or reorder a line are gone, the words stay.
 */
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/printable';

describe('page text made printable', () => {
  it.each([
    ['an ANSI colour and erase-line sequence', 'Sign in\u001b[2K\u001b[31m OK', 'Sign in[2K[31m OK'],
    ['a carriage return that would hide what came before', 'Error\rSigned in', 'Error Signed in'],
    ['a C1 control (CSI) and DEL', 'a\u009b31mb\u007fc', 'a31mbc'],
    ['a right-to-left override (Trojan Source)', 'admin\u202e@contoso.com', 'admin@contoso.com'],
    ['bidi isolates and marks', '\u2066x\u2069\u200f\u061cy', 'xy'],
    ['line and paragraph separators, tabs and new lines', 'a\u2028b\u2029c\td\ne', 'abc d e'],
    ['a NUL and a bell', 'x\u0000\u0007y', 'xy'],
  ])('%s', (_, raw, shown) => {
    expect(printable(raw)).toBe(shown);
  });

  it('keeps letters of every script, emoji and ordinary punctuation', () => {
    const text = 'Anmelden – Überprüfen · 登录 · تسجيل الدخول · 👍 (AADSTS50196)';
    expect(printable(text)).toBe(text);
  });

  it('shortens a long text to the given length, marking the cut', () => {
    const shown = printable('x'.repeat(500), 50);
    expect(shown).toHaveLength(50);
    expect(shown.endsWith('…')).toBe(true);
  });
});
