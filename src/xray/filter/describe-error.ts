import type { FilterError } from './ast.ts';

/**
 * One line for an X-Ray `InvalidRequestException` message or a log: the 1-based position, what is
 * wrong, and (given the source) the text at fault.
 */
export function describeFilterError(error: FilterError, text?: string): string {
  const near = text?.slice(error.from, error.to).slice(0, 40);
  const where = near ? ` near "${near}"` : '';
  return `Invalid filter expression at position ${error.from + 1}${where}: ${error.message}`;
}
