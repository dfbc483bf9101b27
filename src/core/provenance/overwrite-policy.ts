import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { ManifestEntry, OutputKind } from './manifest.js';

/** A file already at an output's path: its sha256 and what the manifest says made it. */
export interface ExistingOutput {
  sha256: string;
  entry: ManifestEntry | undefined;
}

/** Commands whose every output is derived: what an entry from before `kind` was recorded is taken to hold. */
const DERIVED_COMMANDS = /^qcode (segment|code|disagreements|export|evaluate)( |$)/;

function kindOf(entry: ManifestEntry): OutputKind {
  return entry.kind ?? (DERIVED_COMMANDS.test(entry.command) ? 'derived' : 'work');
}

const HINT = 'qcode replaces only unchanged outputs it can make again; pass --force to replace it, or -o for another file';

/**
 * The one overwrite policy: qcode replaces an existing file (without --force)
 * only when nothing would be lost. That is when the new content is the same
 * bytes, or when the file is a derived output that the manifest says qcode
 * wrote and that nobody has changed since (its sha256 still matches), since a
 * rerun makes it again. A coder's work (coding files written by import,
 * annotate or adjudicate, the sample coders code from), a file changed since
 * qcode wrote it (say, a disagreements list the team annotated) and a file qcode
 * did not write are refused (QC004). `newSha256` is unknown for a streamed run.
 */
export function checkReplace(shown: string, existing: ExistingOutput, newSha256: string | undefined): Diagnostic | undefined {
  if (existing.sha256 === newSha256) return undefined;
  const entry = existing.entry;
  const at = { file: shown };
  if (!entry) return diag('QC004', `${shown} exists and was not written by qcode`, { at, hint: HINT });
  if (entry.sha256 !== existing.sha256) return diag('QC004', `${shown} has changed since \`${entry.command}\` wrote it`, { at, hint: HINT });
  if (kindOf(entry) !== 'derived') return diag('QC004', `${shown} holds a coder's work or the sample coders work from (written by \`${entry.command}\`)`, { at, hint: HINT });
  return undefined;
}
