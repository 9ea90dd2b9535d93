/**
 * Scripted model answers for the figure-hold tests: a model that first invents a figure — streamed
 * split across chunks, 全年累计完成1 | 69处, where the report and the ledger say 154处 — and, asked
 * again, answers right. Replies cite the passage as a model reading the prompt would.
 */

type Messages = { role: string; content: unknown }[];

/** The question whose answer the model writes from passages (not from the ledger). */
export const demolitionQuestion = '“五违四必”整治开展得怎么样?';

/** The [n] the prompt gives the passage containing `needle`, as a model reading it would cite it. */
export function passageNumber(messages: Messages, needle: string): number {
  const user = String(messages.find((x) => x.role === 'user')?.content ?? '');
  for (const m of user.matchAll(/^\[(\d+)\] 《.*\n(.*)$/gm)) {
    if (m[2].includes(needle)) return Number(m[1]);
  }
  throw new Error(`no passage with ${needle}`);
}

/** The invented answer's chunks: the figure 169处 split after its first digit. */
export const inventedChunks = (m: Messages): string[] => [
  '“五违四必”整治全年累计完成1',
  `69处[${passageNumber(m, '154处')}]。`,
];

/** The right answer's chunks, its figure split too. */
export const rightChunks = (m: Messages): string[] => [
  '“五违四必”整治全年共计拆除违法建筑1',
  '54',
  `处[${passageNumber(m, '154处')}]。`,
];

/** A reply function for startOpenAIServer: invents on the first call, answers right afterwards. */
export function inventThenCorrect(): (m: Messages) => string[] {
  let calls = 0;
  return (m) => (calls++ === 0 ? inventedChunks(m) : rightChunks(m));
}
