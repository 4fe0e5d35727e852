/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` as soon as it is certain to exceed
 * `limit` (so comparing a name against thousands of candidates stays cheap).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** How far a misspelling may be from the intended name to be suggested: about a third of it. */
export function suggestionLimit(name: string): number {
  return Math.max(1, Math.floor(name.length / 3));
}

/**
 * The candidate closest to `name` by edit distance when it is close enough to be a likely typo
 * (see {@link suggestionLimit}); ties go to the earlier candidate. Case-only differences count
 * as distance 0 so `VIP` suggests `vip`.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = suggestionLimit(name);
  const lowered = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = boundedEditDistance(lowered, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance: Levenshtein plus the swap of two neighbouring letters as one
 * edit, the commonest typo in a short word (`vioce` for `voice` is 1, where Levenshtein says 2).
 */
export function transpositionDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The allowed value nearest to `value`, for "did you mean" on a fixed vocabulary (interaction
 * types, operators, target types, event names). A vocabulary is small, so the nearest is named
 * when it is within two edits (or a third of the word, for long names); case differences are free.
 */
export function closestChoice(value: string, allowed: readonly string[]): string | undefined {
  const lowered = value.toLowerCase();
  const limit = Math.max(2, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    const distance = transpositionDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
