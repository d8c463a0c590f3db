// Bytewise (UTF-8) order, as `LC_ALL=C sort` and most reproducible-build tools use.
// JavaScript's default string order compares UTF-16 code units, which differs for
// characters beyond U+FFFF, so it would not match other tools' listings.
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
