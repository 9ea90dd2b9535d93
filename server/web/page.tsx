/** @jsxImportSource hono/jsx */
import { ChatView, CheckView, CorpusView, DraftsView, Drawer, TokenDialog } from './views/index.ts';

/** The tabs of the page: hash, label. The client shows the section whose hash is in the address. */
const tabs = [
  ['chat', '问答'],
  ['check', '核查'],
  ['corpus', '语料'],
  ['drafts', '草稿'],
] as const;

/** The page's style sheets (server/web/static), one per view. */
const styles = ['base', 'shell', 'chat', 'check', 'corpus', 'drafts'];

/** Path of the client script's entry under /assets/js/ (the client build's layout mirrors server/). */
const clientEntry = '/assets/js/web/client/main.js';

/**
 * The page's markup, rendered on the server. It carries no office data (that comes from the API
 * under the token rules), no inline script and no inline style, so the strict CSP holds.
 */
export function Page() {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>govdraft · 年度工作总结助手</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {styles.map((name) => (
          <link key={name} rel="stylesheet" href={`/assets/${name}.css`} />
        ))}
        <script type="module" src={clientEntry} />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="top">
          <h1>
            govdraft <span class="sub">年度工作总结助手</span>
          </h1>
          <nav class="tabs" aria-label="功能">
            {tabs.map(([hash, label]) => (
              <a key={hash} href={`#${hash}`} id={`tab-${hash}`} class="tab">
                {label}
              </a>
            ))}
          </nav>
          <p id="status" class="status" role="status">
            正在连接服务…
          </p>
        </header>
        <div class="body">
          <main id="main" tabindex={-1}>
            <noscript>
              <p class="error">本页需要启用 JavaScript。</p>
            </noscript>
            <ChatView />
            <CheckView />
            <CorpusView />
            <DraftsView />
          </main>
          <Drawer />
        </div>
        <TokenDialog />
      </body>
    </html>
  );
}
