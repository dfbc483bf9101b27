/**
 * JSON for machines and golden files: two-space indent, a final newline.
 * Non-finite numbers are a bug (statistics report undefined values as null
 * with a reason), so they throw rather than silently becoming null.
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number in JSON output: ${v}`);
      return v;
    },
    2,
  )}\n`;
}
