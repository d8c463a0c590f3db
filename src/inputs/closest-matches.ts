// "Did you mean …?": the allowed values nearest to what was written, by edit distance.

/** Levenshtein distance, case-insensitive (instance types and regions are lowercase anyway). */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let i = 1; i <= left.length; i++) {
    const current = [i]
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[right.length] ?? 0
}

/** Up to `count` allowed values close enough to be what was meant, nearest first. */
export function closestMatches(value: string, allowed: readonly string[], count: number): string[] {
  const tolerance = Math.max(2, Math.ceil(value.length / 3))
  return allowed
    .map((candidate) => ({ candidate, distance: editDistance(value, candidate) }))
    .filter(({ distance }) => distance <= tolerance)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate)
}
