/**
 * Web-page furniture that copies of reports carry (验证码, 全部评论, share buttons, breadcrumbs,
 * print/close links, editor and source lines, site bars, metadata blocks). Junk lines are kept in the
 * reference text but left out of every paragraph.
 */
import { isLabelOnly, isMetadataLine } from './metadata.ts';

/** Lines that are junk when they start with one of these words (and are short, see below). */
const junkStarts = [
  /^验证码/,
  /^(请输入|输入)?验证码/,
  /^看不清/,
  /^(全部|网友|最新|热门|相关)?评论(\s*[(\uFF08]?\d+[)\uFF09]?)?\s*$/,
  /^全部评论/,
  /^(发表|我要|查看|网友|最新|热门|共有?\d*条?)评论/,
  /^(我要)?(纠错|留言)\s*$/,
  /^分享(到|至)/,
  /^(打印整页|打印内容|打印页面|关闭页面|朗读|听全文|语音播报)(\s+(打印整页|打印内容|打印页面|关闭页面|分享|朗读))*\s*$/,
  /^(一键)?分享\s*[:\uFF1A]?\s*$/,
  /^扫一扫/,
  /^(用)?微信扫/,
  /^上一篇/,
  /^下一篇/,
  /^(上一条|下一条)/,
  /^【?\s*(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|大|中|小)\s*】?(\s*【?\s*(打印本页|打印|关闭窗口|关闭|收藏|返回顶部|大|中|小)\s*】?)*\s*$/,
  /^打印本页/,
  /^关闭窗口/,
  /^(责任编辑|编辑|作者|来源|稿源|文章来源|信息来源|发布时间|发布日期|发文日期|更新时间|时间|日期|发布机构|发布者|审核|校对|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|字号|字体)\s*[:\uFF1A]/,
  /^(浏览次数|阅读次数|点击数)/,
  /^字号\s*[大中小]/,
  /^(首页|网站首页|主页)\s*([>\uFF1E»›/|]|$)/,
  /^(当前位置|您的位置|您现在的位置|你的位置|所在位置|您当前的位置|您当前所在位置)/,
  /^(导航菜单|网站导航|栏目导航)\s*$/,
  /^(无障碍|长者助手|关怀版|适老化|繁體|简体版)/,
  /IPv6|欢迎您[!\uFF01]?\s*$|^欢迎(访问|来到)/,
  /^[(\uFF08]?未完[,\uFF0C]?\s*全文共/,
  /^第\s*\d+\s*页\s*([/\uFF0F,\uFF0C]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,\uFF0C]?\s*第\s*\d+\s*页$/,
  /^[-—–]\s*\d{1,3}\s*[-—–]$/,
  /^\d{1,3}\s*[/\uFF0F]\s*\d{1,3}$/,
  /_第\s*\d+\s*页$/,
  /^(亲[,\uFF0C]?)?该文档总共\d+页/,
  /^(精品文档|下载后可任意编辑)/,
  /^(版权声明|免责声明)/,
  /^[(\uFF08]请认真阅读/,
  /^[(\uFF08]此件(公开发布|不予公开|依申请公开)[)\uFF09]$/,
  /^(文件下载|附件下载|附件)(\s*[:\uFF1A].*|(\s+文件下载)*)$/,
  /^(设为首页|加入收藏|收藏本站|收藏本页|网站地图|联系我们|关于我们|帮助中心|无障碍|English)(\s*[|丨/]\s*\S+)*\s*$/,
  /^(版权所有|主办单位|承办单位|技术支持|主办|承办|维护单位|网站标识码)/,
  /^(copyright|©)/i,
  /ICP备\d*/,
  /公网安备/,
  /^(相关链接|相关阅读|相关文章|相关新闻|推荐阅读|热点推荐|猜你喜欢|延伸阅读)\s*[:\uFF1A]?\s*$/,
  /^(登录|注册)(\s*[|丨/]\s*(登录|注册))?\s*$/,
  /^(点赞|赞|收藏|举报|转发)(\s*[(\uFF08]?\d*[)\uFF09]?)?\s*$/,
  /^(微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|豆瓣|人人网)(\s*[,、|丨/]?\s*(微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|豆瓣|人人网))*\s*$/,
  /^(返回|返回列表|返回首页|返回顶部|TOP)\s*$/i,
];

/** Longer lines are report prose even when they start like junk. */
const maxJunkLength = 80;

/** A line of nothing but separators, bullets or punctuation (------, |, ×, ·). */
const separatorsOnly = /^[\s\-—–_=*·•|丨/\\×>\uFF1E»«<\uFF1C]+$/;

/** Bullets and brackets a junk line may open with (- 时间:…, • 浏览量, 【字体:打印). */
const openers = /^[-•·*【]\s*/;

/**
 * True when a line (one line of the reference text) is web-page furniture rather than report text.
 * @example isJunkLine('全部评论') // true
 * @example isJunkLine('首页 > 政务公开 > 工作总结') // true
 * @example isJunkLine('丰富为老服务内涵。') // false
 */
export function isJunkLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  if (separatorsOnly.test(text)) return true;
  if (isMetadataLine(text)) return true;
  if (text.length > maxJunkLength) return false;
  const bare = text.replace(openers, '');
  return junkStarts.some((pattern) => pattern.test(text) || pattern.test(bare));
}

/** A short line with no sentence in it: a value, a name or a label rather than prose. */
const shortLine = (line: string): boolean => line.length <= 30 && !/[。!?\uFF01\uFF1F]/.test(line);

/**
 * Junk flags of consecutive non-blank lines: each line's own reading, plus what its neighbours tell —
 * the value under a lone label (• 发布机构: / 区民政局), and a short line held between two metadata
 * lines (an index number, the office, a date). `keep` spares lines that must stay (the title).
 */
export function junkFlags(
  lines: readonly string[],
  keep: (line: string) => boolean = () => false,
): boolean[] {
  const own = lines.map((line) => isJunkLine(line));
  const metadata = lines.map((line) => isMetadataLine(line.trim()));
  return lines.map((line, i) => {
    if (own[i]) return true;
    const text = line.trim();
    if (!shortLine(text) || keep(text)) return false;
    if (i > 0 && isLabelOnly(lines[i - 1])) return true;
    return i > 0 && i < lines.length - 1 && metadata[i - 1] && metadata[i + 1];
  });
}
