/** What a draft holds at a glance: its paragraph count and the 【待核实…】 markers left in it. */
import type { Draft } from '../types.ts';
import { allParagraphs } from './walk.ts';

/** A saved draft as listed: enough to pick one. */
export interface DraftSummary {
  id: string;
  title: string;
  year: number;
  org: string | null;
  fromTitle: string | null;
  paragraphs: number;
  /** 【待核实…】 markers left in the whole draft. */
  pending: number;
  createdAt: string;
  updatedAt: string;
}

/** 【待核实…】 markers left in the whole draft, the parts intro included. */
export function pendingTotal(draft: Draft): number {
  return allParagraphs(draft).reduce((n, p) => n + p.pending, 0);
}

/** The draft as listed by the workspace. */
export function draftSummary(draft: Draft): DraftSummary {
  return {
    id: draft.id,
    title: draft.title,
    year: draft.year,
    org: draft.org,
    fromTitle: draft.fromTitle,
    paragraphs: allParagraphs(draft).length,
    pending: pendingTotal(draft),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}
