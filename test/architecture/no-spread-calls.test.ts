import { readFileSync } from 'node:fs';
import path from 'node:path';
// The compiler's syntax tree API: TypeScript 7 (the native tsc of npm test) has no stable JS API yet, so this test parses with 5.x.
import ts from 'typescript-5';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from './import-graph.js';

// Issue 15: spreading an array into a call (`push(...rows)`, `Math.max(...xs)`,
// `String.fromCharCode(...bytes)`) or `f.apply(x, rows)` puts every element on
// the stack as an argument; above some 100,000 elements V8 throws "Maximum
// call stack size exceeded", which reached users as QC099 on a big corpus.
// A spread into a call is allowed only of an array literal, or where a comment
// on the line or the line above says `bounded:` and why (a codebook's codes,
// a screen's lines), so the next reader can check the claim.
const src = path.resolve(import.meta.dirname, '../../src');

/** `file:line  text` of every spread or apply into a call that is not marked bounded. */
export function findUnboundedSpreads(file: string, text: string): string[] {
  // Only a file with `(...` or `, ...` can spread into a call: the others are not parsed, which keeps the test fast.
  if (!/[(,]\s*\.\.\.|\.apply\(/.test(text)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const lines = text.split('\n');
  const marked = (line: number) => /\bbounded:/.test(lines[line] ?? '') || /\bbounded:/.test(lines[line - 1] ?? '');
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (!marked(line)) found.push(`${file}:${line + 1}  ${lines[line]!.trim()}`);
  };
  // Explicit stack, not recursion: the rule this test keeps applies to it too.
  const todo: ts.Node[] = [sf];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const arg of node.arguments) if (ts.isSpreadElement(arg) && !ts.isArrayLiteralExpression(arg.expression)) report(arg);
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'apply' && node.arguments.length === 2) report(node);
    }
    node.forEachChild((child) => {
      todo.push(child);
    });
  }
  return found;
}

describe('no spread or apply of a data-sized array into a call', () => {
  it('src/ has none that is not marked bounded', () => {
    const offenders = listSourceFiles(src).flatMap((file) => findUnboundedSpreads(path.relative(src, file), readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('finds push, Math.max and fromCharCode spreads and apply, and takes literals and marked lines', () => {
    const text = [
      'out.push(...rows);',
      'const m = Math.max(...values);',
      's += String.fromCharCode(...Array.from(chunk));',
      'f.apply(null, args);',
      'g(...[a, b]);',
      '// bounded: the codes of one category',
      'const w = Math.max(...cat.codes.map((c) => c.id.length));',
      'const x = [...rows];',
      'const o = { ...opts };',
    ].join('\n');
    expect(findUnboundedSpreads('x.ts', text).map((f) => f.split('  ')[0])).toEqual(['x.ts:4', 'x.ts:3', 'x.ts:2', 'x.ts:1']);
  });
});
