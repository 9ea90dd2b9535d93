/**
 * Fencing data in a prompt: retrieved passages and writer notes go between delimiters carrying a
 * random tag the text cannot know, with any delimiter-like text inside neutralised, so nothing in the
 * data can close the fence and pass for an instruction.
 */
import { randomBytes } from 'node:crypto';

/** Delimiters of one prompt's data blocks. */
export interface Fence {
  tag: string;
  open: string;
  close: string;
}

/** New delimiters with a random tag: <<<资料 3fa9c2>>> … <<<资料结束 3fa9c2>>>. */
export function newFence(): Fence {
  const tag = randomBytes(3).toString('hex');
  return { tag, open: `<<<资料 ${tag}>>>`, close: `<<<资料结束 ${tag}>>>` };
}

/** The text inside a fence: angle-bracket runs that could imitate a delimiter are broken up. */
export function fenced(fence: Fence, text: string): string {
  const safe = text.replace(/<{3,}|>{3,}/g, (run) => run.split('').join(' '));
  return `${fence.open}\n${safe.trim()}\n${fence.close}`;
}
