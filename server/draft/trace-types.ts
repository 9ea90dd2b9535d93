/**
 * Where every sentence of a draft comes from: this year's material (file and department), last
 * year's paragraph, a ledger row, the model's rewrite of which sources, or the writer. JSON-safe:
 * saved with the draft; drafts saved before traces existed have none (they are derived when shown).
 */

/** One source of a sentence. */
export type TraceSource =
  | {
      kind: 'material';
      materialId: string;
      fileName: string;
      department: string;
      /** The sentence's place in the material (paragraph and sentence index). */
      paragraph: number;
      sentence: number;
      /** The sentence as the material wrote it. */
      text: string;
    }
  | {
      kind: 'previous';
      /** Last year's paragraph (Paragraph.index) and its sentence as written. */
      paragraph: number;
      text: string;
    }
  | { kind: 'ledger'; year: number; metric: string; file: string; row: number }
  | {
      kind: 'model';
      /** The model that rewrote the paragraph. */
      model: string;
    };

/**
 * Who gave a sentence its content: a `material` of this year, last year's text `carried` forward
 * (figures updated from the ledger; marked 沿用上年·待更新 when no material supports it), the `ledger`
 * (a metric's sentence), the `model` (a guarded rewrite of the paragraph's sources) or the `writer`.
 */
export type TraceOrigin = 'material' | 'carried' | 'ledger' | 'model' | 'writer';

/** One sentence of a paragraph and where it came from. */
export interface SentenceTrace {
  /** Span in the paragraph's text (UTF-16 offsets) and the sentence as it stands there. */
  start: number;
  end: number;
  text: string;
  origin: TraceOrigin;
  sources: TraceSource[];
  /** What the engine did to it, in Chinese (去掉“我办”, 数字按台账改为127处, 与…的句子相同，已合并). */
  notes: string[];
}

/** A material figure the ledger contradicts, and what the draft did: the ledger's value, or the sentence left out. */
export interface MaterialConflictUse {
  materialId: string;
  fileName: string;
  department: string;
  sentence: string;
  figure: string;
  /** The ledger's value in the figure's form, when known. */
  ledger: string | null;
  source: string | null;
  action: 'corrected' | 'dropped';
}

/** This year's materials a draft was built from, and how much of each it uses. */
export interface DraftMaterials {
  year: number;
  files: {
    id: string;
    fileName: string;
    department: string;
    /** Sentences of work done, and how many of them the draft uses (merged duplicates count as used). */
    content: number;
    used: number;
    flagged: boolean;
  }[];
  conflicts: MaterialConflictUse[];
  /** Sentences of work the draft does not use, and why. */
  unused: { materialId: string; fileName: string; department: string; text: string; reason: string }[];
}
