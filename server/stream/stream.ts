/** The figure hold over a model's event stream: async iterable in, async iterable out. */
import type { ModelEvent } from '../models/index.ts';
import { endsQuantity, type FigureJudge, release } from './hold.ts';

/**
 * Streams a model's events with every figure held back until `judge` verifies it (see hold.ts):
 * deltas carry only released text, a rejected figure comes out as the withheld mark, a `retry`
 * passes through and starts the text afresh. Returns the model's own text of the last attempt, as
 * the whole-answer guard must judge it.
 * @example const text = yield* holdFigures(model.stream(messages), judge);
 */
export async function* holdFigures(
  source: AsyncIterable<ModelEvent>,
  judge: FigureJudge,
): AsyncGenerator<ModelEvent, string> {
  let text = '';
  let at = 0;
  let waiting = false;
  for await (const event of source) {
    if (event.type === 'retry') {
      [text, at, waiting] = ['', 0, false];
      yield event;
      continue;
    }
    text += event.text;
    // A judge that waits (for a sentence's end, a citation) is asked again only when one may have come.
    if (waiting && !endsQuantity(event.text)) continue;
    const step = release(text, at, judge, false);
    [at, waiting] = [step.to, step.waiting];
    if (step.shown) yield { type: 'delta', text: step.shown };
  }
  const last = release(text, at, judge, true);
  if (last.shown) yield { type: 'delta', text: last.shown };
  return text;
}
