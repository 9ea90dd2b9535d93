/** @jsxImportSource hono/jsx */
import { Field, FileField, OfficeFilter } from './shell.tsx';

/** 核查: a report and (optionally) a ledger in; the text with its figures coloured by verdict out. */
export function CheckView() {
  return (
    <section id="view-check" class="view view-check" aria-labelledby="check-title" hidden>
      <form id="check-form" class="toolbar check-form">
        <h2 id="check-title">核查</h2>
        <FileField
          id="check-file"
          label="报告文件（.docx / .txt / .md / .html）"
          accept=".docx,.txt,.md,.html,.htm"
        />
        <FileField
          id="check-ledger"
          label="台账（可选，.csv / .xlsx / .json；不选则用已存台账）"
          accept=".csv,.xlsx,.json"
        />
        <Field id="check-year" label="年度（可选）">
          <input id="check-year" type="number" min={1949} max={2100} inputmode="numeric" />
        </Field>
        <div class="field">
          <OfficeFilter prefix="check" all="按文中单位" />
        </div>
        <button type="submit" id="check-run">
          开始核查
        </button>
        <details class="paste">
          <summary>或直接粘贴文字</summary>
          <label for="check-text">要核查的文字</label>
          <textarea id="check-text" rows={5} />
        </details>
      </form>
      <p id="check-status" class="note" role="status" />
      <div id="check-result" class="check-result" hidden>
        <div id="check-summary" class="summary" />
        <div class="split">
          <article id="check-doc" class="doc" aria-label="核查后的文字" tabindex={0} />
          <div class="problems">
            <h3 id="check-problems-title">问题清单</h3>
            <ol id="check-problems" aria-labelledby="check-problems-title" />
          </div>
        </div>
      </div>
    </section>
  );
}
