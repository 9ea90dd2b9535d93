/** 检索: passages of past reports found for a query, each with its citation and a way to open it. */
import { errorText, postJson } from './api.ts';
import { byId, fill, h } from './dom.ts';
import { showPassage } from './drawer.ts';
import { scopeOf } from './scope.ts';

/** What the page uses of a hit of POST /api/search. */
interface Hit {
  text: string;
  label: string;
  citation: { reportId: string };
}

function hitItem(hit: Hit, n: number): HTMLElement {
  const label = `[${n}] ${hit.label}`;
  const open = () => void showPassage({ reportId: hit.citation.reportId, label, text: hit.text });
  return h(
    'li',
    {},
    h(
      'div',
      { class: 'where' },
      label,
      ' ',
      h('button', { type: 'button', class: 'link', onclick: open }, '在报告中查看'),
    ),
    h('p', {}, hit.text),
  );
}

async function run(query: string): Promise<void> {
  const list = byId('search-hits');
  fill(list, h('li', { class: 'note' }, '正在检索…'));
  try {
    const { hits } = await postJson<{ hits: Hit[] }>('/api/search', { query, k: 8, ...scopeOf('search') });
    fill(
      list,
      ...(hits.length
        ? hits.map((hit, i) => hitItem(hit, i + 1))
        : [h('li', { class: 'note' }, '没有找到相关段落。')]),
    );
  } catch (error) {
    fill(list, h('li', { class: 'error', role: 'alert' }, errorText(error)));
  }
}

/** Wires the search form (once, at start). */
export function initSearch(): void {
  byId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = byId<HTMLInputElement>('search-query').value.trim();
    if (query) void run(query);
  });
}
