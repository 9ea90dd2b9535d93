import type { DraftParagraph } from '../../../server/draft/index.ts';
import { unwrap } from '../../client.ts';
import { citationLabel } from '../../format.ts';
import { useClient } from '../contexts/client.tsx';
import { useAsync } from './use-async.ts';

/** A past paragraph close to the one being drafted, with its citation. */
export interface Exemplar {
  label: string;
  text: string;
}

/**
 * Past paragraphs like `paragraph` (POST /api/search on its topic sentence, parts only), without
 * last year's own paragraph; null while searching or when no paragraph is given.
 */
export function useExemplars(paragraph: DraftParagraph | null): Exemplar[] | null {
  const client = useClient();
  const query = paragraph ? (paragraph.topic ?? paragraph.text.slice(0, 60)).trim() : '';
  const { data, loading } = useAsync(async (): Promise<Exemplar[]> => {
    if (!query) return [];
    const { hits } = await unwrap(await client.api.search.$post({ json: { query, k: 4, section: 'part' } }));
    return hits
      .filter((hit) => hit.text.trim() !== paragraph?.sourceText?.trim())
      .slice(0, 3)
      .map((hit) => ({ label: citationLabel(hit.citation), text: hit.text }));
  }, [query]);
  if (!paragraph) return null;
  return loading ? null : (data ?? []);
}
