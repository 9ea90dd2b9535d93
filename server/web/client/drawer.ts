/** The side panel where sources open: a cited passage in its report, the ledger rows behind figures. */
import { errorText, getJson } from './api.ts';
import { byId, type Child, fill, h } from './dom.ts';
import { locate } from './locate.ts';

let opener: HTMLElement | null = null;

/** Opens the panel with a title and content; focus moves to its title (and back on close). */
export function openDrawer(title: string, ...content: Child[]): void {
  if (byId('drawer').hidden)
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  byId('drawer-title').textContent = title;
  fill(byId('drawer-body'), ...content);
  byId('drawer').hidden = false;
  byId('drawer-title').focus();
}

function closeDrawer(): void {
  byId('drawer').hidden = true;
  opener?.focus();
  opener = null;
}

/** Wires the close button and Escape (once, at start). */
export function initDrawer(): void {
  byId('drawer-close').addEventListener('click', closeDrawer);
  byId('drawer').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeDrawer();
  });
}

const reportTexts = new Map<string, Promise<string>>();

/** A stored report as plain text (fetched once per page). */
function reportText(id: string): Promise<string> {
  let text = reportTexts.get(id);
  if (!text) {
    text = getJson<{ content: string }>(`/api/reports/${encodeURIComponent(id)}?format=text`).then(
      (r) => r.content,
    );
    text.catch(() => reportTexts.delete(id));
    reportTexts.set(id, text);
  }
  return text;
}

/** A passage to show in its report. */
export interface PassageRef {
  reportId: string;
  /** How the citation reads: [1] 《…》(二)… 第2段. */
  label: string;
  text: string;
}

/** Fills a box with the report's text, the passage marked and scrolled to the middle of the box. */
async function showInReport(box: HTMLElement, ref: PassageRef): Promise<void> {
  try {
    const text = await reportText(ref.reportId);
    const span = locate(text, ref.text);
    if (!span) {
      fill(box, h('p', { class: 'note' }, '报告全文中没有找到这段原文；引用的段落如下：'), ref.text);
      return;
    }
    const mark = h('mark', { id: 'passage-mark' }, text.slice(span.start, span.end));
    fill(box, text.slice(0, span.start), mark, text.slice(span.end));
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  } catch (error) {
    fill(box, h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** Opens a cited passage in its report, with more sections (the ledger rows) below it. */
export async function showPassage(ref: PassageRef, ...more: Child[]): Promise<void> {
  const box = h('div', { class: 'passage', tabindex: 0, 'aria-label': '报告原文' }, '正在载入报告全文…');
  openDrawer(ref.label, h('h3', {}, '报告原文'), box, ...more);
  await showInReport(box, ref);
}
