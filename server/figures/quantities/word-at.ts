/** The word from `words` that ends exactly at `end`, first match in list order (lists are longest first), or null. */
export function wordEndingAt<T extends string>(text: string, end: number, words: readonly T[]): T | null {
  for (const word of words) {
    if (end >= word.length && text.startsWith(word, end - word.length)) return word;
  }
  return null;
}
