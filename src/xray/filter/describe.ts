import type { FilterDiagnostic } from './ast.ts';

/**
 * One line for the API's 400 InvalidRequestException, e.g.
 * "Invalid filter expression: unknown keyword `respnsetime` — did you mean `responsetime`?
 * (at characters 0-11)". Offsets are 0-based, end exclusive, like the diagnostics.
 */
export function describeFilterError(text: string, errors: readonly FilterDiagnostic[]): string {
  const first = errors[0];
  if (!first) return 'Invalid filter expression';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const where =
    first.from >= text.length && text.length > 0
      ? 'at the end'
      : `at characters ${first.from}-${first.to}`;
  return `Invalid filter expression: ${first.message} (${where})${more}`;
}
