/** Exact rationals over BigInt, for the reference implementation only. */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = num / g;
    this.den = den / g;
  }

  static of(x: number | bigint): Fraction {
    if (typeof x === 'bigint') return new Fraction(x);
    if (Number.isInteger(x)) return new Fraction(BigInt(x));
    // Decimal literals in test data: exact from their shortest decimal form.
    const [int, frac = ''] = String(x).split('.');
    return new Fraction(BigInt(int! + frac), 10n ** BigInt(frac.length));
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Fraction): Fraction {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return new Fraction(this.num * o.den, this.den * o.num);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  eq(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }

  toNumber(): number {
    const neg = this.num < 0n;
    const a = neg ? -this.num : this.num;
    // Scale so the integer quotient carries about 64 significant bits.
    const shift = BigInt(Math.max(0, 64 - (a.toString(2).length - this.den.toString(2).length)));
    const q = (a << shift) / this.den;
    const v = Number(q) / 2 ** Number(shift);
    return neg ? -v : v;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export const ZERO = new Fraction(0n);
export const ONE = new Fraction(1n);
export const F = (x: number | bigint): Fraction => Fraction.of(x);
