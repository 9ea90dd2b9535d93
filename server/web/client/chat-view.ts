/** How the conversation looks: questions, answers with [n] buttons, sources, figures, copy. */
import type { ChatAnswer, ChatCitation } from '../../chat/types.ts';
import { answerWithSources, citationLine, figureLine, segments } from './answer.ts';
import type { Turn } from './conversation.ts';
import { h } from './dom.ts';
import { showPassage } from './drawer.ts';
import { ledgerSection } from './ledger-rows.ts';

/** Opens citation [n] of an answer: the passage in its report, and the ledger rows of its figures. */
function openCitation(answer: ChatAnswer, c: ChatCitation): void {
  const figures = answer.figures.filter((f) => f.citation === c.n || f.origin !== 'passage');
  void showPassage({ reportId: c.reportId, label: citationLine(c), text: c.text }, ledgerSection(figures));
}

/** The answer's text with its citation marks as buttons that open the passage. */
function answerText(answer: ChatAnswer): HTMLElement {
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const parts = segments(answer.answer, new Set(byN.keys())).map((s) => {
    if ('text' in s) return s.text;
    const c = byN.get(s.cite)!;
    return h(
      'button',
      {
        type: 'button',
        class: 'cite',
        'aria-label': `来源 ${c.n}：${c.label}`,
        onclick: () => openCitation(answer, c),
      },
      `[${c.n}]`,
    );
  });
  return h('div', { class: 'answer' }, ...parts);
}

/** Copies text; the clipboard API needs a secure context, so plain http on an intranet falls back. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function copyButton(answer: ChatAnswer): HTMLElement[] {
  const status = h('span', { class: 'note', role: 'status' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'quiet',
      onclick: async () => {
        status.textContent = (await copy(answerWithSources(answer)))
          ? '已复制回答和来源'
          : '复制失败：请手动选择文字复制';
      },
    },
    '复制回答和来源',
  );
  return [button, status];
}

/** The parts of a final answer: text, notices, sources, figures and tools. */
function answerParts(answer: ChatAnswer): HTMLElement[] {
  const sources = answer.citations.map((c) =>
    h(
      'li',
      {},
      h('button', { type: 'button', class: 'link', onclick: () => openCitation(answer, c) }, citationLine(c)),
    ),
  );
  const figures = answer.figures.filter((f) => f.grounded).map((f) => h('li', {}, figureLine(f)));
  return [
    answerText(answer),
    ...answer.notices.map((n) => h('p', { class: 'notice' }, n.message_zh)),
    sources.length
      ? h('ul', { class: 'sources', 'aria-label': '来源' }, h('li', {}, '来源：'), ...sources)
      : null,
    figures.length
      ? h('ul', { class: 'figures', 'aria-label': '数字依据' }, h('li', {}, '数字依据：'), ...figures)
      : null,
    h('div', { class: 'turn-tools' }, ...copyButton(answer)),
  ].filter((e): e is HTMLElement => e !== null);
}

/** One kept turn as shown. */
export function turnView(turn: Turn): HTMLElement {
  if (turn.role === 'user')
    return h('div', { class: 'turn user' }, h('span', { class: 'visually-hidden' }, '问：'), turn.content);
  const body = turn.answer
    ? answerParts(turn.answer)
    : [h('p', { class: 'error' }, turn.error ?? turn.content)];
  return h('div', { class: 'turn assistant' }, h('span', { class: 'visually-hidden' }, '答：'), ...body);
}

/** An answer being streamed: text arrives in pieces, may restart, and ends final or failed. */
export interface LiveAnswer {
  element: HTMLElement;
  append(text: string): void;
  restart(message: string): void;
  notice(message: string): void;
  finish(answer: ChatAnswer): void;
  fail(message: string): void;
}

/** A turn that shows an answer as it streams in. */
export function liveAnswer(): LiveAnswer {
  const text = h('div', { class: 'answer streaming' });
  const notes = h('div', {});
  const element = h('div', { class: 'turn assistant', 'aria-busy': 'true' }, text, notes);
  text.textContent = '正在查找…';
  let started = false;
  const done = (...parts: HTMLElement[]) => {
    element.replaceChildren(h('span', { class: 'visually-hidden' }, '答：'), ...parts);
    element.setAttribute('aria-busy', 'false');
  };
  return {
    element,
    append(piece) {
      text.textContent = (started ? text.textContent : '') + piece;
      started = true;
    },
    restart(message) {
      text.textContent = '';
      notes.append(h('p', { class: 'notice' }, message));
    },
    notice(message) {
      notes.append(h('p', { class: 'notice' }, message));
    },
    finish: (answer) => done(...answerParts(answer)),
    fail: (message) => done(h('p', { class: 'error', role: 'alert' }, message)),
  };
}
