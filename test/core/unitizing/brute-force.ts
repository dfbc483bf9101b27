/**
 * A slow, independent definition of the uα family for tests: every quantity
 * is counted position by position over the continuum, straight from the
 * definitions in Krippendorff, Mathet, Bouvry & Widlöcher (2016), with no
 * interval arithmetic and no code shared with src/core/unitizing.
 */
export interface BruteUnit {
  start: number;
  end: number;
  value: number; // 1..V
}

export interface BruteResult {
  u: number | null;
  bar: number | null;
  cu: number | null;
  k: (number | null)[]; // per value 1..V, index value-1
}

export function bruteForceFamily(length: number, values: number, coders: BruteUnit[][]): BruteResult {
  const m = coders.length;
  const V = values + 1;
  // Per coder and position: value (0 = gap) and the id of the section holding it.
  const value: number[][] = [];
  const section: number[][] = [];
  for (const units of coders) {
    const v = new Array<number>(length).fill(0);
    const s = new Array<number>(length).fill(-1);
    units.forEach((u, n) => {
      for (let p = u.start; p < u.end; p++) {
        v[p] = u.value;
        s[p] = n;
      }
    });
    // Gap sections: maximal runs of gap positions.
    let gapId = 1000;
    for (let p = 0; p < length; p++) if (s[p] === -1) s[p] = p > 0 && v[p - 1] === 0 ? s[p - 1]! : ++gapId;
    value.push(v);
    section.push(s);
  }
  const l = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (let p = 0; p < length; p++) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) l[value[i]![p]!]![value[j]![p]!]! += 1 / (m - 1);
  const sizes = (i: number) => {
    const count = new Map<number, { value: number; n: number; valuedWith: number[] }>();
    for (let p = 0; p < length; p++) {
      const id = section[i]![p]!;
      const e = count.get(id) ?? { value: value[i]![p]!, n: 0, valuedWith: new Array<number>(m).fill(0) };
      e.n++;
      for (let j = 0; j < m; j++) if (j !== i && value[j]![p] !== 0) e.valuedWith[j]!++;
      count.set(id, e);
    }
    return [...count.values()];
  };
  const self = new Array<number>(V).fill(0);
  const S = new Array<number>(V).fill(0);
  for (let i = 0; i < m; i++) {
    for (const sec of sizes(i)) {
      self[sec.value]! += sec.value === 0 ? sec.n : sec.n * sec.n;
      if (sec.value !== 0) for (let j = 0; j < m; j++) if (j !== i) S[sec.value]! += sec.valuedWith[j]! ** 2 / (m - 1);
    }
  }
  const tot = l.flat().reduce((a, b) => a + b, 0);
  const marg = l.map((row) => row.reduce((a, b) => a + b, 0));
  const selfTot = self.reduce((a, b) => a + b, 0);
  const e = (c: number, k: number) => (tot * (marg[c]! * marg[k]! - (c === k ? self[c]! : 0))) / (tot * tot - selfTot);
  let Do = 0;
  let De = 0;
  let DoBar = 0;
  let DeBar = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      Do += l[c]![k]!;
      De += e(c, k);
      if ((c === 0) !== (k === 0)) {
        DoBar += l[c]![k]!;
        DeBar += e(c, k);
      }
    }
  }
  const star = (c: number) => l[c]!.slice(1).reduce((a, b) => a + b, 0);
  const starTot = Array.from({ length: values }, (_, x) => star(x + 1)).reduce((a, b) => a + b, 0);
  const sTot = S.reduce((a, b) => a + b, 0);
  const es = (c: number, k: number) => (star(c) * star(k) - (c === k ? S[c]! : 0)) / (starTot - sTot / starTot);
  let DoCu = 0;
  let DeCu = 0;
  for (let c = 1; c < V; c++) for (let k = 1; k < V; k++) if (c !== k) {
    DoCu += l[c]![k]!;
    DeCu += es(c, k);
  }
  const k: (number | null)[] = [];
  for (let v = 1; v < V; v++) {
    const lk = star(v);
    let ek = 0;
    for (let x = 1; x < V; x++) ek += es(v, x);
    const ekk = es(v, v);
    k.push(lk > 0 && ek - ekk > 1e-12 ? 1 - (ek / lk) * ((lk - l[v]![v]!) / (ek - ekk)) : null);
  }
  return {
    u: De > 1e-12 ? 1 - Do / De : null,
    bar: DeBar > 1e-12 ? 1 - DoBar / DeBar : null,
    cu: starTot > 0 && DeCu > 1e-12 ? 1 - DoCu / DeCu : null,
    k,
  };
}
