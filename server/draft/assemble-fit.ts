/**
 * How well one text fits another, for placing this year's material sentences in last year's
 * structure: the share of a text's character bigrams (figures left out: they change every year)
 * found in the other, each weighted by how rare it is among last year's paragraphs — 社区, 工作, 开展
 * count for little, 互助养老, 违法建筑 for much. Pure.
 */
import { bigrams } from '../text/index.ts';

/** The bigrams of a text, digits and figures' punctuation left out. */
export function gramsOf(text: string): Set<string> {
  return new Set(bigrams(text.replace(/[0-9０-９.%％]+/g, ' ')));
}

/** Bigram rarity over a set of documents (last year's paragraphs). */
export class Vocabulary {
  private readonly df = new Map<string, number>();
  private readonly size: number;

  constructor(documents: readonly string[]) {
    this.size = documents.length;
    for (const text of documents) for (const g of gramsOf(text)) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }

  /** How much a bigram says: rare among the documents (or absent from them) says more. */
  idf(gram: string): number {
    return Math.log(1 + this.size / (this.df.get(gram) ?? 0.5));
  }

  /**
   * The weighted share of `from`'s bigrams that `to` holds, 0–1.
   * @example vocabulary.share(gramsOf('全年服务3620次社区互助养老'), gramsOf(paragraph2016)) // ≈ 0.8
   */
  share(from: ReadonlySet<string>, to: ReadonlySet<string>): number {
    let total = 0;
    let shared = 0;
    for (const g of from) {
      const w = this.idf(g);
      total += w;
      if (to.has(g)) shared += w;
    }
    return total > 0 ? shared / total : 0;
  }
}

/** Jaccard overlap of two bigram sets and the share of the smaller one the larger holds. */
export function overlap(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
): { jaccard: number; contained: number } {
  let both = 0;
  for (const g of a) if (b.has(g)) both++;
  const union = a.size + b.size - both;
  const smaller = Math.min(a.size, b.size);
  return { jaccard: union > 0 ? both / union : 0, contained: smaller > 0 ? both / smaller : 0 };
}
