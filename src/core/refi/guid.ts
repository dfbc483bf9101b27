import { createHash } from 'node:crypto';

/** qcode's own UUID namespace for the GUIDs it derives (a fixed random UUID). */
const QCODE_NAMESPACE = 'c0de5eed-7a5d-4e3a-9b1f-2f6a0e1d9c4b';

/** The namespace's bytes, made once: an export derives a GUID per selection and coding (millions at corpus scale). */
const NAMESPACE_BYTES = Buffer.from(QCODE_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of namespace bytes + name) for
 * a qcode id such as `code:tariffs`. The same id always gives the same GUID,
 * so exporting twice writes byte-identical files, and a code keeps its GUID
 * across exports even when it has none in the codebook.
 */
export function deriveGuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
