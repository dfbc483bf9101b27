import { computeSha1Words } from '../util/sha1.js';

/** qcode's own UUID namespace for the GUIDs it derives (a fixed random UUID). */
const QCODE_NAMESPACE = 'c0de5eed-7a5d-4e3a-9b1f-2f6a0e1d9c4b';

/** The namespace's bytes, made once: an export derives a GUID per selection and coding (millions at corpus scale). */
const NAMESPACE_BYTES = Uint8Array.from(QCODE_NAMESPACE.replace(/-/g, '').match(/../g)!, (h) => parseInt(h, 16));

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byte = (word: number, shift: number) => HEX[(word >>> shift) & 255]!;

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace bytes + name) for
 * a qcode id such as `code:tariffs`. The same id always gives the same GUID,
 * so exporting twice writes byte-identical files, and a code keeps its GUID
 * across exports even when it has none in the codebook.
 */
export function deriveGuid(name: string): string {
  const h = computeSha1Words(NAMESPACE_BYTES, name);
  const a = h[0]!;
  const b = h[1]!;
  const c = h[2]!;
  const d = h[3]!;
  // The version (5) in the high nibble of byte 6, the variant (10) in the high bits of byte 8.
  const version = HEX[(((b >>> 8) & 255) & 0x0f) | 0x50]!;
  const variant = HEX[((c >>> 24) & 0x3f) | 0x80]!;
  return `${byte(a, 24)}${byte(a, 16)}${byte(a, 8)}${byte(a, 0)}-${byte(b, 24)}${byte(b, 16)}-${version}${byte(b, 0)}-${variant}${byte(c, 16)}-${byte(c, 8)}${byte(c, 0)}${byte(d, 24)}${byte(d, 16)}${byte(d, 8)}${byte(d, 0)}`;
}

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** Whether a string is a GUID as the REFI-QDA schema writes them (braces optional, any case). */
export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** Tools write one GUID as `{ABC…}`, `abc…` or `ABC…`: references compare by this key. */
export function guidKey(guid: string): string {
  return guid.replace(/[{}]/g, '').toLowerCase();
}
