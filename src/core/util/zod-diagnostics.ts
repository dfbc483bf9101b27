import type { z } from 'zod';
import type { ErrorCode } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { didYouMean } from './suggest.js';
import type { PathKey, YamlSource } from './parse-yaml-source.js';

/** Which catalogue code each kind of schema problem gets in a given file format. */
export interface SchemaCodes {
  unknownKey: ErrorCode;
  missing: ErrorCode;
  invalid: ErrorCode;
}

interface ZodDefLike {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  return (schema as { _zod?: { def?: ZodDefLike } })?._zod?.def;
}

/** The object keys a schema allows at a value path, for did-you-mean. */
export function knownKeysAt(schema: unknown, path: readonly PathKey[]): string[] {
  let s: unknown = schema;
  const unwrap = () => {
    for (let d = defOf(s); d && (d.innerType || d.in); d = defOf(s)) s = d.innerType ?? d.in;
  };
  unwrap();
  for (const key of path) {
    const d = defOf(s);
    if (!d) return [];
    if (d.type === 'object' && typeof key === 'string') s = d.shape?.[key];
    else if (d.type === 'array') s = d.element;
    else return [];
    unwrap();
  }
  const d = defOf(s);
  return d?.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

function valueAt(value: unknown, path: readonly PathKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k as string];
  }
  return v;
}

function describePath(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || 'the file';
}

/** Every schema issue becomes one diagnostic positioned in the YAML source. */
export function formatSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  schema: unknown,
  codes: SchemaCodes,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        out.push(
          diag(codes.unknownKey, `unknown key '${key}' in ${describePath(path)}${didYouMean(key, known)}`, { at: source.locate([...path, key], 'key'), hint: known.length ? `allowed keys here: ${known.join(', ')}` : undefined }),
        );
      }
      continue;
    }
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    if (valueAt(source.value, path) === undefined && key !== undefined && typeof key === 'string') {
      out.push(diag(codes.missing, `missing required key '${key}' in ${describePath(parentPath)}`, { at: source.locate(parentPath) }));
      continue;
    }
    out.push(diag(codes.invalid, `${describePath(path)}: ${issue.message}`, { at: source.locate(path) }));
  }
  return out;
}
