/** @jsxImportSource hono/jsx */
import { ScopeFilters } from './shell.tsx';

/** 问答: the conversation (kept in the browser), its scope filters and the question box. */
export function ChatView() {
  return (
    <section id="view-chat" class="view view-chat" aria-labelledby="chat-title" hidden>
      <div class="toolbar">
        <h2 id="chat-title">问答</h2>
        <ScopeFilters prefix="chat" />
        <button type="button" id="chat-new" class="quiet">
          新对话
        </button>
      </div>
      <div id="chat-log" class="chat-log" role="log" aria-label="对话记录" tabindex={0}>
        <div id="chat-empty" class="empty">
          <p>就历年工作总结和台账提问，回答中的每个数字都注明来源。</p>
          <p>例如：“2016年拆除违法建筑多少处？”，再追问“那2017年呢？”。</p>
        </div>
      </div>
      <form id="chat-form" class="chat-form">
        <label for="chat-input">问题</label>
        <textarea
          id="chat-input"
          rows={2}
          maxlength={2000}
          placeholder="输入问题，按 Enter 发送，Shift+Enter 换行"
          required
        />
        <button type="submit" id="chat-send">
          发送
        </button>
      </form>
    </section>
  );
}
