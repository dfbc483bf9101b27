import { appendAll } from '../util/bulk-array.js';

/**
 * A byte trie packed into one Int32Array so a scanner takes one table lookup
 * per byte and allocates nothing. Bytes are first mapped to columns (only
 * bytes that occur in some key get their own column; column 0 is "any other
 * byte"), and rows are padded to a power of two so a state is a row offset.
 *
 * State 0 is dead (every column leads back to it); state 1 is the root. A
 * key with `prefix: true` accepts any continuation: walking past its node on
 * a byte the trie does not know leads to a sink state that loops on every
 * byte and still remembers the prefix keys passed.
 */
export interface PackedTrie {
  shift: number;
  /** next[row + column] = row of the next state; a row is state << shift. */
  next: Int32Array;
  /** Column of every byte value. */
  byteCol: Uint8Array;
  /** Per state: 1 when a key ends here or a prefix key was passed. */
  accepting: Uint8Array;
  /** Per state: the exact key ending here, -1 if none. */
  exact: Int32Array;
  /** Per state: the prefix keys passed, as a slice [chainStart, chainStart + chainLen) of chain. */
  chainStart: Int32Array;
  chainLen: Int32Array;
  chain: Int32Array;
}

export interface TrieKey {
  bytes: Uint8Array;
  term: number;
  prefix: boolean;
}

export const ROOT_ROW_STATE = 1;

export function buildPackedTrie(keys: readonly TrieKey[]): PackedTrie {
  const children: Map<number, number>[] = [new Map(), new Map()];
  const exactOf: number[] = [-1, -1];
  const prefixOf: number[] = [-1, -1];
  const parent: number[] = [0, 0];
  const byteCol = new Uint8Array(256);
  let ncols = 1;
  for (const key of keys) {
    let node = 1;
    for (const b of key.bytes) {
      if (byteCol[b] === 0) byteCol[b] = ncols++;
      let child = children[node]!.get(b);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        exactOf.push(-1);
        prefixOf.push(-1);
        parent.push(node);
        children[node]!.set(b, child);
      }
      node = child;
    }
    if (key.prefix) prefixOf[node] = key.term;
    else exactOf[node] = key.term;
  }
  // Nodes are numbered parent before child, so one forward pass fills chains and sinks.
  const nodeCount = children.length;
  const chains: number[][] = [[], []];
  const sinkOf: number[] = [0, 0];
  const sinks: number[] = [];
  let stateCount = nodeCount;
  for (let n = 2; n < nodeCount; n++) {
    const up = chains[parent[n]!]!;
    if (prefixOf[n]! >= 0) {
      chains.push([...up, prefixOf[n]!]);
      sinkOf.push(stateCount++);
      sinks.push(n);
    } else {
      chains.push(up);
      sinkOf.push(sinkOf[parent[n]!]!);
    }
  }
  let shift = 0;
  while (1 << shift < ncols) shift++;
  const width = 1 << shift;
  const next = new Int32Array(stateCount * width);
  const exact = new Int32Array(stateCount).fill(-1);
  const chainStart = new Int32Array(stateCount);
  const chainLen = new Int32Array(stateCount);
  const accepting = new Uint8Array(stateCount);
  const flat: number[] = [];
  const setChain = (state: number, list: number[]): void => {
    chainStart[state] = flat.length;
    chainLen[state] = list.length;
    appendAll(flat, list);
    if (list.length > 0) accepting[state] = 1;
  };
  for (let n = 1; n < nodeCount; n++) {
    const fallback = sinkOf[n]! << shift;
    for (let c = 0; c < width; c++) next[(n << shift) + c] = fallback;
    for (const [b, child] of children[n]!) next[(n << shift) + byteCol[b]!] = child << shift;
    exact[n] = exactOf[n]!;
    if (exactOf[n]! >= 0) accepting[n] = 1;
    setChain(n, chains[n]!);
  }
  for (const n of sinks) {
    const s = sinkOf[n]!;
    for (let c = 0; c < width; c++) next[(s << shift) + c] = s << shift;
    setChain(s, chains[n]!);
  }
  return { shift, next, byteCol, accepting, exact, chainStart, chainLen, chain: Int32Array.from(flat) };
}
