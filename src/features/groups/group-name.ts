/**
 * X-Ray's console rules for group names: 1–32 characters, letters, digits and dashes; `Default`
 * is reserved. Checked here for a fast answer, and again by the server.
 */
export function validateGroupName(name: string): string | undefined {
  if (!name) return 'A group needs a name.';
  if (name.length > 32) return `Names are at most 32 characters (this one has ${name.length}).`;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return 'Use only letters, digits and dashes.';
  if (name === 'Default') return '“Default” is reserved.';
  return undefined;
}
