/**
 * Constants of our own tables (statuses, event names) written into SQL text: 'A', 'B'. Only for
 * names the code defines, never for input (anything but letters, digits, `_` and `.` is refused).
 */
export function sqlLiterals(values: readonly string[]): string {
  for (const v of values) if (!/^[A-Za-z0-9_.]+$/.test(v)) throw new Error(`not an SQL constant: ${v}`);
  return values.map((v) => `'${v}'`).join(", ");
}
