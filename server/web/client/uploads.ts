/** Uploading reports (one request per file, with progress) and ledgers (bad rows listed). */
import { ApiError, errorText, type ProblemDetail, postFile } from './api.ts';
import { byId, fill, h } from './dom.ts';

interface ReportAnswer {
  status: 'added' | 'unchanged' | 'replaced';
  report: { title: string; year: number | null; parts: number };
}

const outcomes = { added: '已加入', unchanged: '已存在，内容相同，未重复加入', replaced: '已替换旧版本' };

/** What went wrong, with the API's details (rows of a ledger, fields) as a list. */
function failure(error: unknown): HTMLElement[] {
  const details = error instanceof ApiError ? error.details : [];
  // Row problems usually name their row already (第3行:…); the others get it in front.
  const where = (d: ProblemDetail) =>
    d.row && !d.message_zh.includes(`第${d.row}行`) ? `第${d.row}行：` : '';
  const rows = details.map((d) => h('li', {}, `${where(d)}${d.message_zh}`));
  return [
    h('p', { class: 'error', role: 'alert' }, errorText(error)),
    ...(rows.length ? [h('ul', { class: 'bad-rows' }, ...rows)] : []),
  ];
}

async function uploadReports(files: File[], changed: () => void): Promise<void> {
  const progress = byId<HTMLProgressElement>('report-progress');
  const items = files.map((file) => h('li', {}, `${file.name}：等待上传`));
  fill(byId('report-upload-list'), ...items);
  progress.max = files.length;
  progress.value = 0;
  progress.hidden = false;
  for (const [i, file] of files.entries()) {
    items[i].textContent = `${file.name}：正在上传…`;
    try {
      const answer = await postFile<ReportAnswer>('/api/reports', file);
      const { title, year, parts } = answer.report;
      items[i].className = 'done';
      items[i].textContent =
        `${file.name}：${outcomes[answer.status]}《${title}》（${year ? `${year}年，` : ''}${parts}个部分）`;
    } catch (error) {
      items[i].className = 'failed';
      fill(items[i], `${file.name}：`, ...failure(error));
    }
    progress.value = i + 1;
  }
  changed();
}

async function uploadLedger(file: File, changed: () => void): Promise<void> {
  const result = byId('ledger-upload-result');
  fill(result, h('p', { class: 'note' }, `正在导入 ${file.name}…`));
  try {
    const answer = await postFile<{ records: number; years: number[]; added: number; replaced: number }>(
      '/api/ledger',
      file,
    );
    const years = answer.years.map((y) => `${y}年`).join('、');
    fill(
      result,
      h(
        'p',
        { class: 'note' },
        `已导入 ${file.name}：${answer.records} 条记录（${years}；新增 ${answer.added} 条，替换 ${answer.replaced} 条）`,
      ),
    );
    changed();
  } catch (error) {
    fill(result, ...failure(error));
  }
}

/** Wires the two upload forms; `changed` refreshes the lists after an upload. */
export function initUploads(changed: () => void): void {
  byId('report-upload').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('report-files');
    const files = [...(input.files ?? [])];
    if (!files.length)
      return fill(
        byId('report-upload-list'),
        h('li', { class: 'failed' }, '错误：请先选择要上传的报告文件。'),
      );
    void uploadReports(files, changed).then(() => {
      input.value = '';
      input.dispatchEvent(new Event('change'));
    });
  });
  byId('ledger-upload').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('ledger-file');
    const file = input.files?.[0];
    if (!file)
      return fill(byId('ledger-upload-result'), h('p', { class: 'error' }, '错误：请先选择台账文件。'));
    void uploadLedger(file, changed);
  });
}
