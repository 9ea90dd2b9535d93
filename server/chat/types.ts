/** Domain types of chat: questions understood, answers with citations and figures, the event stream. */
import type { GuardedEvent, GuardedReason } from '../guarded/index.ts';
import type { Section } from '../store/index.ts';

/** One turn of a conversation as the API receives it. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Scope a client may set; a year or office named in the question itself wins over these defaults. */
export interface ChatFilters {
  year?: number;
  org?: string;
  part?: number;
}

/** What kind of figure a question asks for. */
export type AskedAspect = 'level' | 'change' | 'rank';

/** How the years of a question were given. */
export type YearsFrom = 'explicit' | 'relative' | 'range' | 'inherited' | 'filter';

/** A question understood: years, office, topic and what kind of answer is wanted. */
export interface Understanding {
  /** The question as asked in this turn. */
  asked: string;
  /** The standalone question after a follow-up (那2015年呢?) is resolved against the previous turn. */
  question: string;
  /** Years the question is about, ascending; empty when it names none. */
  years: number[];
  yearsFrom: YearsFrom | null;
  /** How relative years were read (去年 → 2016年, 以语料最新年度2017年为今年), or null. */
  yearNote: string | null;
  /** The office named in the question (or the filter), or null. */
  org: string | null;
  /** True when the office is not one the corpus knows: nothing can be answered about it. */
  orgUnknown: boolean;
  /**
   * Offices to compare on one metric: the known offices the question names (two or more), or 'all'
   * (各街道, 所有镇, 每个单位…); null when the question is about one office or none.
   */
  offices: string[] | 'all' | null;
  /** What is asked about, without years, office and question words: 拆除违法建筑. */
  topic: string;
  /** A figure is asked for (多少, 几, 比例, 增长了百分之几…). */
  numeric: boolean;
  /** The canonical unit the question names (多少处 → 处), or null. */
  unit: string | null;
  aspect: AskedAspect;
  /** A comparison across years is asked (比2015年多了多少?, 同比, 增长了百分之几). */
  compare: boolean;
  /** The question asks when (哪一年, 什么时候). */
  asksWhen: boolean;
  /** The question asks what a term means (“五违四必”指什么?): footnotes explain such terms. */
  asksDefinition: boolean;
  /** This turn was completed from the previous one. */
  followUp: boolean;
  /** Report part (1-based) to search in, from the filters; null for all. */
  part: number | null;
}

/** How an answer was found. */
export type AnswerMode = 'ledger' | 'passages' | 'not_found';

/** A passage an answer cites as [n]. */
export interface ChatCitation {
  /** The number the answer uses: [1], [2]… */
  n: number;
  /** Report title. */
  report: string;
  reportId: string;
  year: number;
  /** 1-based part number; 0 outside the parts (preamble, closing, footnotes). */
  part: number;
  partTitle: string;
  section: Section;
  /** 1-based paragraph number within its part (or section); the footnote mark for footnotes. */
  paragraph: number;
  text: string;
  /** The citation as people read it: 《甘泉路街道2016年工作总结》(二)补齐发展短板,公共管理走向精细 第2段. */
  label: string;
}

/** Where a figure of an answer comes from. */
export type FigureOrigin = 'ledger' | 'computed' | 'passage';

/** One figure of an answer with its grounding: every number shown to the user has one. */
export interface AnswerFigure {
  /** As written in the answer: 154处, 139.76万元, 减少27处. */
  text: string;
  /** Value in base units (signed for changes). */
  value: number;
  unit: string;
  origin: FigureOrigin;
  year: number | null;
  /** The ledger metric, for ledger and computed figures. */
  metric: string | null;
  /** "ganquan-2016.csv 第14行 拆除违法建筑处数", "[1]", or the computation's operands. */
  source: string | null;
  /** How a computed figure was obtained: 127 − 154 = −27(处). */
  computation?: string;
  /** The ledger row is labelled 示例数据 (sample data, invented for demonstration). */
  sample?: boolean;
  /** The office whose ledger row it is, when the row names one (a district's store holds several). */
  org?: string;
  /** The [n] of the report passage that states it, when there is one. */
  citation?: number;
  /** False for a number the model wrote that no source holds, or that the ledger contradicts: it was removed. */
  grounded: boolean;
  /** Why the ledger contradicts it, when it does. */
  contradiction?: string;
}

/**
 * Something the user should know about how the answer was made; a guarded generation's fallback is
 * told with its reason as the code (model_failed, guard_refused).
 */
export interface ChatNotice {
  code: GuardedReason | 'prompt_leak_removed' | 'uncited' | 'empty_corpus' | 'office';
  message_zh: string;
  message_en: string;
}

/** The final answer: the text is authoritative (it replaces whatever was streamed before). */
export interface ChatAnswer {
  answer: string;
  mode: AnswerMode;
  citations: ChatCitation[];
  figures: AnswerFigure[];
  notices: ChatNotice[];
  /** The model that wrote the answer, or null for the offline engines. */
  model: string | null;
  understanding: Understanding;
}

/**
 * What the chat engine streams; the HTTP edge turns each into one Server-Sent Event. Model text comes
 * as the guarded generation's events (`delta`, `retry`, `fallback`: the offline answer follows).
 */
export type ChatEvent =
  | { type: 'meta'; understanding: Understanding; mode: AnswerMode; model: string | null }
  | GuardedEvent
  | ({ type: 'notice' } & ChatNotice)
  | { type: 'final'; answer: ChatAnswer };
