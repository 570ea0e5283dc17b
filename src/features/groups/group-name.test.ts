import { describe, expect, it } from 'vitest';
import { validateGroupName } from './group-name.ts';

describe('validateGroupName', () => {
  it('accepts letters, digits and dashes up to 32 characters', () => {
    expect(validateGroupName('checkout-errors')).toBeUndefined();
    expect(validateGroupName('a'.repeat(32))).toBeUndefined();
  });
  it('rejects empty, long, reserved and odd names with a reason', () => {
    expect(validateGroupName('')).toMatch(/needs a name/);
    expect(validateGroupName('a'.repeat(33))).toMatch(/33/);
    expect(validateGroupName('Default')).toMatch(/reserved/);
    expect(validateGroupName('slow payments')).toMatch(/letters, digits and dashes/);
    expect(validateGroupName('<img>')).toMatch(/letters, digits and dashes/);
  });
});
