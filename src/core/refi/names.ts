/**
 * Names in QDA projects are free text ("2. Attitűd szint", "Mabêl 2ième.txt",
 * "教师"); qcode ids are not. These turn names into ids deterministically
 * and keep them unique in the order given.
 */

/** Lowercase ASCII letters, digits and `-`, diacritics dropped: "Oltás típusa" → "oltas-tipusa". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A coder name as CoderNameSchema allows (letters, digits, `_`, `.`, `-`,
 * starting with a letter or digit, at most 100 characters, not ending in
 * `.matches`), case kept.
 */
export function toCoderName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100)
    .replace(/\.matches$/i, '-matches')
    .replace(/[-.]+$/, '');
}

/** A metadata key: "Age group" → "age_group". */
export function toMetadataKey(name: string): string {
  return slugify(name).replace(/-/g, '_');
}

/**
 * Hands out unique ids: the first wish that is free, else the last wish with
 * -2, -3, … Comparison ignores case when asked, for names that become file
 * names on case-insensitive file systems.
 */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly ignoreCase = false) {}

  private key(id: string): string {
    return this.ignoreCase ? id.toLowerCase() : id;
  }

  reserve(id: string): void {
    this.used.add(this.key(id));
  }

  take(...wishes: string[]): string {
    const candidates = wishes.filter((w) => w !== '');
    for (const w of candidates) {
      if (!this.used.has(this.key(w))) {
        this.used.add(this.key(w));
        return w;
      }
    }
    const base = candidates[candidates.length - 1] ?? 'x';
    for (let n = 2; ; n++) {
      const id = `${base}-${n}`;
      if (!this.used.has(this.key(id))) {
        this.used.add(this.key(id));
        return id;
      }
    }
  }
}
