import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './run-cli.js';

/**
 * The real REFI-QDA files of ../shared/refi (beside the repository), or of
 * $QCODE_REFI_DIR. Tests reading them skip when the folder is absent, as on a
 * clean clone elsewhere.
 */
export const REFI_DIR = [process.env.QCODE_REFI_DIR, path.resolve(REPO, '../shared/refi')].find((d) => d && existsSync(path.join(d, 'schema')));
export const REFI_SKIP = REFI_DIR ? '' : ' (skipped: ../shared/refi not found; set QCODE_REFI_DIR to run)';

export function refiFile(rel: string): string {
  return path.join(REFI_DIR!, rel);
}

/** xmllint from Debian's libxml2-utils, for validating against the standard's schemas. */
export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
export const XMLLINT_SKIP = HAS_XMLLINT && REFI_DIR ? '' : ' (skipped: needs xmllint (apt-get install libxml2-utils) and ../shared/refi/schema)';

/** Validates XML text against one of the standard's schemas; returns xmllint's complaints ('' when valid). */
export function xmllintErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-xsd-'));
  const file = path.join(dir, 'doc.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', refiFile(`schema/${schema}`), file], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}
