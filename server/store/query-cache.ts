/**
 * The last query vectors, by query text: a question asked again (a chat follow-up, a page reloaded, a
 * drafting run over many parts) is not embedded again — with an embedding endpoint that saves a
 * network round trip on the search's critical path.
 */
export class QueryCache {
  private readonly vectors = new Map<string, number[]>();

  constructor(private readonly size = 256) {}

  /** The cached vector of `text`, or the one `embed` makes (then cached; the oldest entry leaves). */
  async get(text: string, embed: (text: string) => Promise<number[]>): Promise<number[]> {
    const hit = this.vectors.get(text);
    if (hit) {
      // Re-inserting keeps Map order = recency order.
      this.vectors.delete(text);
      this.vectors.set(text, hit);
      return hit;
    }
    const vector = await embed(text);
    this.vectors.set(text, vector);
    if (this.vectors.size > this.size) this.vectors.delete(this.vectors.keys().next().value as string);
    return vector;
  }

  clear(): void {
    this.vectors.clear();
  }
}
