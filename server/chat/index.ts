/** Chat about past work: ledger-first numeric answers, cited passage answers, honest "not found". */
export { type ChatRequest, type OfflineAnswer, type PreparedChat, prepareChat } from './answer.ts';
export { citationText, paragraphNumber } from './citations.ts';
export { resolveFollowUp } from './followup.ts';
export { groundingJudge } from './grounding.ts';
export { type QuestionContext, understand } from './question.ts';
export { answerChat, streamChat } from './stream-chat.ts';
export type * from './types.ts';
