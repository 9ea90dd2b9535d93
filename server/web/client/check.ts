/** 核查: a file or pasted text (and maybe a ledger) checked; figures coloured, problems listed. */
import type { CheckedClaim, CheckSummary } from '../../figures/types.ts';
import { verdictWord } from '../../marks/index.ts';
import { errorText, postJson } from './api.ts';
import { byId, fill, h } from './dom.ts';
import { fileBody, isFileBody, saveFile } from './files.ts';
import { valueText } from './format.ts';
import { markedText, markId, showMark, summaryChips } from './marks.ts';
import { officeOf } from './scope.ts';

/** POST /api/check's answer (other fields, such as an annotated .docx, are feature-detected). */
interface CheckAnswer {
  year: number | null;
  text: string;
  ledgerRecords: number;
  /** The office whose ledger rows were used, and why some were not. */
  office?: { name: string | null; notice: { message_zh: string } | null };
  claims: CheckedClaim[];
  summary: CheckSummary;
  [field: string]: unknown;
}

const prefix = 'check-fig';

/** One problem: verdict, figure, the expected value and where it comes from; it points at the mark. */
function problemItem(claim: CheckedClaim, index: number): HTMLElement {
  const expected = claim.expected === null ? null : `应为 ${valueText(claim.expected, claim.unit)}`;
  const candidates = claim.candidates?.length ? `可能的指标：${claim.candidates.join('、')}` : null;
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `card problem ${claim.verdict}`,
        onclick: () => showMark(markId(prefix, index)),
      },
      h('strong', {}, `${verdictWord[claim.verdict]} · ${claim.text}`),
      expected ? ` · ${expected}` : '',
      claim.source ? h('span', { class: 'why' }, `来源：${claim.source}`) : null,
      h('span', { class: 'why' }, claim.explanation),
      candidates ? h('span', { class: 'why' }, candidates) : null,
    ),
  );
}

/** A download button for each file the answer carries (e.g. the annotated .docx, when offered). */
function downloads(answer: CheckAnswer): HTMLElement[] {
  return Object.values(answer)
    .filter(isFileBody)
    .map((file) =>
      h('button', { type: 'button', class: 'quiet', onclick: () => saveFile(file) }, `下载 ${file.fileName}`),
    );
}

function render(answer: CheckAnswer): void {
  const problems = answer.claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim }) => claim.verdict !== 'supported');
  const office = answer.office?.name ? ` · 单位：${answer.office.name}` : '';
  const notice = answer.office?.notice ? `（${answer.office.notice.message_zh}）` : '';
  const scope = `年度：${answer.year ?? '未识别'}${office} · 台账记录 ${answer.ledgerRecords} 条${notice} · 共 ${answer.claims.length} 个数字`;
  fill(
    byId('check-summary'),
    ...summaryChips(answer.summary),
    h('span', { class: 'note' }, scope),
    ...downloads(answer),
  );
  fill(byId('check-doc'), markedText(answer.text, answer.claims, prefix));
  const none = answer.claims.length ? '没有发现问题：全部数字与台账相符。' : '文中没有找到可核对的数字。';
  fill(
    byId('check-problems'),
    ...(problems.length
      ? problems.map(({ claim, index }) => problemItem(claim, index))
      : [h('li', { class: 'note' }, none)]),
  );
  byId('check-result').hidden = false;
}

/** The request body from the form; null (with a message) when there is nothing to check. */
async function requestBody(): Promise<Record<string, unknown> | null> {
  const file = byId<HTMLInputElement>('check-file').files?.[0];
  const text = byId<HTMLTextAreaElement>('check-text').value;
  if (!file && !text.trim()) return null;
  const ledger = byId<HTMLInputElement>('check-ledger').files?.[0];
  const year = byId<HTMLInputElement>('check-year').value;
  // The office whose ledger rows the figures are checked against; none chosen: the one the text names.
  const org = officeOf('check');
  return {
    ...(file ? { file: await fileBody(file) } : { text }),
    ...(ledger ? { ledger: await fileBody(ledger) } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(org ? { org } : {}),
    // The reviewer's copies: the document with a Word comment on each finding, and the findings table.
    annotate: true,
    table: 'xlsx',
  };
}

function say(text: string, error = false): void {
  const status = byId('check-status');
  status.className = error ? 'error' : 'note';
  status.textContent = text;
}

async function run(): Promise<void> {
  const button = byId<HTMLButtonElement>('check-run');
  button.disabled = true;
  say('正在核查…');
  try {
    const body = await requestBody();
    if (!body) return say('错误：请选择报告文件，或粘贴要核查的文字。', true);
    render(await postJson<CheckAnswer>('/api/check', body));
    say('核查完成。点击问题清单中的条目可跳到文中的数字。');
  } catch (error) {
    say(errorText(error), true);
  } finally {
    button.disabled = false;
  }
}

/** Wires the check form (once, at start). */
export function initCheck(): void {
  byId('check-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
}
