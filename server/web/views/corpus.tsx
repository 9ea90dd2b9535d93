/** @jsxImportSource hono/jsx */
import type { PropsWithChildren } from 'hono/jsx';
import { FileField, OfficeFilter, ScopeFilters } from './shell.tsx';

/** A panel's one-line form `#<id>-form`: its heading, a field (labelled for screen readers), a button. */
function QueryForm(
  props: PropsWithChildren<{ id: string; title: string; field: string; label: string; button: string }>,
) {
  return (
    <form id={`${props.id}-form`} class="toolbar">
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <label class="visually-hidden" for={props.field}>
        {props.label}
      </label>
      {props.children}
      <button type="submit">{props.button}</button>
    </form>
  );
}

/** 语料: stored reports and ledgers, uploads, search with citations and a metric across years. */
export function CorpusView() {
  return (
    <section id="view-corpus" class="view view-corpus" aria-labelledby="corpus-title" hidden>
      <h2 id="corpus-title" class="visually-hidden">
        语料
      </h2>
      <div class="columns">
        <div class="column">
          <section class="panel" aria-labelledby="reports-title">
            <div class="toolbar">
              <h3 id="reports-title">历年报告</h3>
              <ScopeFilters prefix="reports" />
            </div>
            <div id="reports-table" class="table-wrap" />
            <form id="report-upload" class="upload">
              <FileField
                id="report-files"
                label="上传报告（可多选：.txt / .md / .html / .docx）"
                accept=".txt,.md,.html,.htm,.docx"
                multiple
              />
              <button type="submit">上传</button>
              <progress id="report-progress" max={1} value={0} hidden aria-label="上传进度" />
              <ul id="report-upload-list" class="upload-list" aria-live="polite" />
            </form>
          </section>
          <section class="panel" aria-labelledby="ledgers-title">
            <div class="toolbar">
              <h3 id="ledgers-title">台账</h3>
              <OfficeFilter prefix="ledgers" />
            </div>
            <div id="ledgers-table" class="table-wrap" />
            <form id="ledger-upload" class="upload">
              <FileField
                id="ledger-file"
                label="导入台账（.csv / .xlsx / .json）"
                accept=".csv,.xlsx,.json"
              />
              <button type="submit">导入</button>
              <div id="ledger-upload-result" aria-live="polite" />
            </form>
          </section>
        </div>
        <div class="column">
          <section class="panel" aria-labelledby="search-title">
            <QueryForm id="search" title="检索" field="search-query" label="检索内容" button="检索">
              <input id="search-query" type="search" placeholder="例如：违法建筑" required />
              <ScopeFilters prefix="search" />
            </QueryForm>
            <ol id="search-hits" class="hits" aria-live="polite" />
          </section>
          <section class="panel" aria-labelledby="trend-title">
            <QueryForm id="trend" title="指标趋势" field="trend-metric" label="指标名称" button="查看">
              <input id="trend-metric" list="trend-metrics" placeholder="输入或选择台账指标" required />
              <datalist id="trend-metrics" />
            </QueryForm>
            <figure id="trend-chart" class="chart" />
          </section>
        </div>
      </div>
    </section>
  );
}
