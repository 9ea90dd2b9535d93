/** Chat about past work: ledger-first numeric answers, cited passage answers, honest "not found". */
export {
  answerChat,
  type ChatRequest,
  type OfflineAnswer,
  type PreparedChat,
  prepareChat,
  streamChat,
} from './answer.ts';
export { citationText, paragraphNumber } from './citations.ts';
export { resolveFollowUp } from './followup.ts';
export { groundingJudge } from './grounding.ts';
export { type QuestionContext, understand } from './question.ts';
export type {
  AnswerFigure,
  AnswerMode,
  ChatAnswer,
  ChatCitation,
  ChatEvent,
  ChatFilters,
  ChatNotice,
  ChatTurn,
  RestartReason,
  Understanding,
} from './types.ts';
