/** The figure hold over a model's event stream: async iterable in, async iterable out. */
import type { ModelEvent } from '../models/types.ts';
import { type FigureJudge, release } from './hold.ts';

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
  for await (const event of source) {
    if (event.type === 'retry') {
      text = '';
      at = 0;
      yield event;
      continue;
    }
    text += event.text;
    const step = release(text, at, judge, false);
    at = step.to;
    if (step.shown) yield { type: 'delta', text: step.shown };
  }
  const last = release(text, at, judge, true);
  if (last.shown) yield { type: 'delta', text: last.shown };
  return text;
}
