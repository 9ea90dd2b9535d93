/** Streams of model text with every figure held back until the guard that judges the whole answer verifies it. */
export {
  endsQuantity,
  type FigureDecision,
  type FigureJudge,
  release,
  type Step,
  withheldMark,
} from './hold.ts';
export { holdFigures } from './stream.ts';
