/** Retrieved passages as a chat model sees them: numbered, with where each comes from, neutralised. */
import { type Fence, neutralise } from '../models/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import { citationText } from './citations.ts';

/** The passages as the model sees them: "[n] 《title》(part) 第k段" then the neutralised text. */
export function fencedSources(
  passages: readonly { n: number; hit: SearchHit; paragraph: number }[],
  fence: Fence,
): string {
  return passages
    .map(
      ({ n, hit, paragraph }) =>
        `[${n}] ${citationText(hit.citation, paragraph)}\n${neutralise(hit.text, fence)}`,
    )
    .join('\n\n');
}
