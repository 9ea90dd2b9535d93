/** @jsxImportSource hono/jsx */
import type { PropsWithChildren } from 'hono/jsx';

/** The side panel where a cited passage opens in its report, with the ledger rows behind figures. */
export function Drawer() {
  return (
    <aside id="drawer" class="drawer" aria-labelledby="drawer-title" hidden>
      <div class="drawer-head">
        <h2 id="drawer-title" tabindex={-1}>
          来源
        </h2>
        <button type="button" id="drawer-close" class="quiet">
          关闭
        </button>
      </div>
      <div id="drawer-body" class="drawer-body" />
    </aside>
  );
}

/** Asks for the access token once per browser session (kept in sessionStorage, never in the URL). */
export function TokenDialog() {
  return (
    <dialog id="token-dialog" aria-labelledby="token-title">
      <form id="token-form" method="dialog">
        <h2 id="token-title">需要访问令牌</h2>
        <p>此服务设置了访问令牌（GOVDRAFT_TOKEN）。请输入令牌：只保存在本次浏览会话中，关闭浏览器即清除。</p>
        <p id="token-error" class="error" role="alert" />
        <label for="token-input">访问令牌</label>
        <input id="token-input" type="password" autocomplete="current-password" required />
        <div class="actions">
          <button type="submit">确定</button>
        </div>
      </form>
    </dialog>
  );
}

/** An office filter `#<prefix>-org`, filled by the client with the store's offices (GET /api/offices). */
export function OfficeFilter(props: { prefix: string; all?: string }) {
  return (
    <>
      <label class="inline" for={`${props.prefix}-org`}>
        单位
      </label>
      <select id={`${props.prefix}-org`} data-filter="org">
        <option value="">{props.all ?? '全部单位'}</option>
      </select>
    </>
  );
}

/** Year and office filters (filled by the client from the stored reports and the store's offices). */
export function ScopeFilters(props: { prefix: string }) {
  return (
    <>
      <label class="inline" for={`${props.prefix}-year`}>
        年度
      </label>
      <select id={`${props.prefix}-year`} data-filter="year">
        <option value="">全部年度</option>
      </select>
      <OfficeFilter prefix={props.prefix} />
    </>
  );
}

/** A labelled form field. */
export function Field(props: PropsWithChildren<{ id: string; label: string }>) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/**
 * A file picker whose words are Chinese whatever the browser's language: the input itself stays
 * focusable (Space or Enter opens the chooser), its button and the chosen names are ours.
 */
export function FileField(props: { id: string; label: string; accept: string; multiple?: boolean }) {
  return (
    <div class="field">
      <span id={`${props.id}-label`}>{props.label}</span>
      <div class="file">
        <input
          id={props.id}
          type="file"
          class="file-input"
          accept={props.accept}
          multiple={props.multiple}
          aria-labelledby={`${props.id}-label`}
          aria-describedby={`${props.id}-names`}
        />
        <label for={props.id} class="file-button" aria-hidden="true">
          选择文件
        </label>
        <span id={`${props.id}-names`} class="file-names">
          未选择文件
        </span>
      </div>
    </div>
  );
}
