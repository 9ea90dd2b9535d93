/** The web page's script: wires the four views to the API. */
import { errorText, getJson } from './api.ts';
import { initChat } from './chat.ts';
import { initCheck } from './check.ts';
import { initCorpus, refreshCorpus } from './corpus.ts';
import { byId } from './dom.ts';
import { initDrafts, refreshDrafts } from './drafts.ts';
import { initDrawer } from './drawer.ts';
import { initFileFields } from './file-fields.ts';
import { fillScopes, initScopes } from './scope.ts';
import { initTabs } from './tabs.ts';
import { initTokenDialog } from './token.ts';

interface Status {
  counts: { reports: number; ledgerRecords: number };
  model: { chatModel?: string } | null;
}

/** The header's line: what the store holds and whether a model writes the answers. */
async function showStatus(): Promise<void> {
  const line = byId('status');
  try {
    const status = await getJson<Status>('/api/status');
    const model = status.model?.chatModel ? `模型：${status.model.chatModel}` : '离线模式（未配置模型）';
    line.textContent = `报告 ${status.counts.reports} 篇 · 台账 ${status.counts.ledgerRecords} 条 · ${model}`;
  } catch (error) {
    line.textContent = errorText(error);
  }
}

initTokenDialog();
initDrawer();
initFileFields();
initScopes();
initChat();
initCheck();
initCorpus();
initDrafts();
initTabs((view) => {
  if (view === 'corpus') void refreshCorpus();
  if (view === 'drafts') void refreshDrafts();
});
void showStatus();
void fillScopes();
document.documentElement.dataset.ready = 'true';
