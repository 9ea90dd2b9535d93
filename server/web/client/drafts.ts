/** 草稿: the saved drafts, read-only: one opened with its check, exported as .docx. */
import type { Draft, DraftParagraph } from '../../draft/types.ts';
import type { CheckResult, CheckSummary } from '../../figures/types.ts';
import { errorText, getJson, postJson } from './api.ts';
import { byId, fill, h } from './dom.ts';
import { type FileBody, saveFile } from './files.ts';
import { dateText } from './format.ts';
import { markedText, summaryChips } from './marks.ts';

/** What the page uses of GET /api/drafts. */
interface DraftListing {
  id: string;
  title: string;
  year: number;
  pending: number;
  updatedAt: string;
}

interface DraftCheck {
  summary: CheckSummary;
  paragraphs: { paragraphId: string; check: CheckResult }[];
}

let openId: string | null = null;

function paragraphs(list: readonly DraftParagraph[], checks: Map<string, CheckResult>): HTMLElement[] {
  return list.map((p) => h('p', {}, markedText(p.text, checks.get(p.id)?.claims ?? [], `draft-${p.id}`)));
}

function render(draft: Draft, check: DraftCheck): void {
  const checks = new Map(check.paragraphs.map((p) => [p.paragraphId, p.check]));
  byId('draft-title').textContent = draft.title || `${draft.year}年草稿`;
  const source = `${draft.year}年 · 依据：${draft.fromTitle ?? '无'} · 台账：${draft.ledgerSource}`;
  fill(byId('draft-summary'), ...summaryChips(check.summary), h('span', { class: 'note' }, source));
  fill(
    byId('draft-doc'),
    ...paragraphs(draft.preamble, checks),
    ...paragraphs(draft.partsIntro ? [draft.partsIntro] : [], checks),
    ...draft.parts.flatMap((part) => [
      h('h4', {}, `${part.marker}${part.title}`),
      ...paragraphs(part.paragraphs, checks),
    ]),
    ...paragraphs(draft.closing, checks),
  );
  byId('draft-export').hidden = false;
}

async function open(id: string): Promise<void> {
  openId = id;
  for (const b of document.querySelectorAll('#drafts-list button')) {
    b.setAttribute('aria-current', String(b.getAttribute('data-id') === id));
  }
  fill(byId('draft-doc'), h('p', { class: 'note' }, '正在载入草稿并核查…'));
  try {
    const { draft } = await getJson<{ draft: Draft }>(`/api/drafts/${encodeURIComponent(id)}`);
    render(draft, await postJson<DraftCheck>('/api/draft/check', { draftId: id }));
  } catch (error) {
    fill(byId('draft-doc'), h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** Lists the saved drafts (when the tab is shown). */
export async function refreshDrafts(): Promise<void> {
  const list = byId('drafts-list');
  try {
    const { drafts } = await getJson<{ drafts: DraftListing[] }>('/api/drafts');
    const item = (d: DraftListing) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'card',
            'data-id': d.id,
            'aria-current': String(d.id === openId),
            onclick: () => void open(d.id),
          },
          h('strong', {}, d.title || `${d.year}年草稿`),
          h('br', {}),
          h('span', { class: 'note' }, `${dateText(d.updatedAt)} · 【待核实】${d.pending} 处`),
        ),
      );
    fill(
      list,
      ...(drafts.length
        ? drafts.map(item)
        : [h('li', { class: 'note' }, '还没有草稿：用 govdraft draft 起草。')]),
    );
  } catch (error) {
    fill(list, h('li', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** Wires the export button (once, at start). */
export function initDrafts(): void {
  byId('draft-export').addEventListener('click', async () => {
    if (!openId) return;
    const status = byId('draft-summary');
    try {
      saveFile(
        await postJson<FileBody & { mediaType: string }>('/api/draft/export', {
          draftId: openId,
          format: 'docx',
        }),
      );
    } catch (error) {
      status.append(h('p', { class: 'error', role: 'alert' }, errorText(error)));
    }
  });
}
