import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../server/report/html.ts';

const lines = (html: string): string[] =>
  extractHtml(html)
    .text.split('\n')
    .filter((l) => l.trim());

describe('extractHtml', () => {
  it('writes one block per line and decodes entities', () => {
    expect(lines('<p>丰富为老服务内涵。</p><div>落实&nbsp;托底&amp;保障</div>第一行<br>第二行')).toEqual([
      '丰富为老服务内涵。',
      '落实 托底&保障',
      '第一行',
      '第二行',
    ]);
  });

  it.each([
    ['script', '<script>var x = "统计代码";</script>'],
    ['style', '<style>.a{}</style>'],
    ['nav', '<nav><a href="/">首页</a> 政务公开</nav>'],
    ['aside', '<aside>热点推荐:普陀区召开工作会议</aside>'],
    ['footer', '<footer>版权所有 普陀区人民政府</footer>'],
    ['header', '<header>上海市普陀区人民政府门户网站</header>'],
    ['share bar by class', '<div class="bdshare-box">分享到微信微博</div>'],
    ['comments by id', '<div id="comments"><p>网友评论:写得很好</p></div>'],
    ['sidebar by class', '<div class="right_side"><p>部门动态栏目内容</p></div>'],
    ['form controls', '<input value="输入框"><button>提交按钮</button><textarea>评论内容</textarea>'],
    ['link lists', '<ul><li><a href="/1">部门动态</a></li><li><a href="/2">通知公告</a></li></ul>'],
  ])('drops %s', (_, junk) => {
    const body = '<p>丰富为老服务内涵。完成甘泉快捷照护站,宏利敬老院消防改造项目建设。</p>';
    expect(lines(`<html><body>${junk}<div class="content">${body}</div></body></html>`)).toEqual([
      '丰富为老服务内涵。完成甘泉快捷照护站,宏利敬老院消防改造项目建设。',
    ]);
  });

  it('keeps an element named like furniture when it holds most of the text', () => {
    const html =
      '<body><div class="main-side"><p>丰富为老服务内涵。完成甘泉快捷照护站建设,全年服务3400余次。</p></div></body>';
    expect(lines(html)).toEqual(['丰富为老服务内涵。完成甘泉快捷照护站建设,全年服务3400余次。']);
  });

  it('puts the <h1> title first when the article body does not contain it, and marks headings', () => {
    const html =
      '<html><head><title>甘泉路街道2016年工作总结_普陀区人民政府</title></head><body>' +
      '<div class="top"><h1>甘泉路街道2016年工作总结</h1></div>' +
      '<div class="text"><h2>(一)注重保障民生</h2><p>丰富为老服务内涵。完成甘泉快捷照护站建设项目。</p><p>落实托底保障政策。帮困救助惠及4720人次。</p><p>提高民生服务水平。帮助成功创业38家。</p></div></body></html>';
    const { text, headings } = extractHtml(html);
    expect(text.split('\n\n')).toEqual([
      '甘泉路街道2016年工作总结',
      '(一)注重保障民生',
      '丰富为老服务内涵。完成甘泉快捷照护站建设项目。',
      '落实托底保障政策。帮困救助惠及4720人次。',
      '提高民生服务水平。帮助成功创业38家。',
    ]);
    expect(headings).toEqual([
      { start: 0, level: 1 },
      { start: text.indexOf('(一)'), level: 2 },
    ]);
  });

  it('falls back to <title> without the site name when there is no <h1>', () => {
    const html =
      '<title>甘泉路街道2016年工作总结 - 普陀区人民政府</title><p>丰富为老服务内涵。完成照护站建设。</p>';
    expect(lines(html)[0]).toBe('甘泉路街道2016年工作总结');
  });

  it('turns mammoth footnotes into [n] lines and drops their back links', () => {
    const html =
      '<p>“五违四必”<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>整治圆满完成。拆除违法建筑154处。</p>' +
      '<ol><li id="footnote-1"><p>“五违”指违法用地、违法建筑。 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(lines(html)).toEqual([
      '“五违四必”[1]整治圆满完成。拆除违法建筑154处。',
      '[1]“五违”指违法用地、违法建筑。',
    ]);
  });
});

describe('extractHtml page titles', () => {
  it('prefers the report title to a site name in <h1>', () => {
    const html =
      '<title>甘泉路街道2016年工作总结_普陀区人民政府</title><body><div class="logo"><h1>普陀区人民政府</h1></div>' +
      '<div class="content"><p>丰富为老服务内涵。完成甘泉快捷照护站建设,全年服务3400余次。</p></div></body>';
    expect(lines(html)[0]).toBe('甘泉路街道2016年工作总结');
  });
});
