/** @jsxImportSource hono/jsx */

/** 草稿: the saved drafts, read-only: open one, see its check, export it as .docx. */
export function DraftsView() {
  return (
    <section id="view-drafts" class="view view-drafts" aria-labelledby="drafts-title" hidden>
      <div class="columns drafts">
        <nav class="panel draft-list" aria-labelledby="drafts-title">
          <h2 id="drafts-title">草稿</h2>
          <p class="note">草稿在终端工作区（govdraft draft）中编辑，这里只读。</p>
          <ul id="drafts-list" />
        </nav>
        <div class="panel draft-view">
          <div class="toolbar">
            <h3 id="draft-title">请选择一份草稿</h3>
            <button type="button" id="draft-export" hidden>
              导出 Word（.docx）
            </button>
          </div>
          <div id="draft-summary" class="summary" />
          <article id="draft-doc" class="doc" aria-labelledby="draft-title" tabindex={0} />
        </div>
      </div>
    </section>
  );
}
