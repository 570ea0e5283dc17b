import { describe, expect, it } from 'vitest';
import { visibleText } from './text.ts';

describe('visibleText', () => {
  it('shows bidi overrides instead of obeying them', () => {
    expect(visibleText('invoice\u202Efdp.exe')).toBe('invoice⟦U+202E⟧fdp.exe');
    expect(visibleText('a\u2066b\u2069c')).toBe('a⟦U+2066⟧b⟦U+2069⟧c');
  });

  it('leaves ordinary text (and other scripts) alone, repeatedly', () => {
    expect(visibleText('checkout-api')).toBe('checkout-api');
    expect(visibleText('שלום')).toBe('שלום');
    expect(visibleText('x\u202Ey')).toBe(visibleText('x\u202Ey'));
  });
});
