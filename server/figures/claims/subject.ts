/**
 * The subject of a figure — what it counts — read from its clause: the words before it (拆除违法建筑
 * in 全年共计拆除违法建筑154处) and the noun after it (责任部门 in 与24家责任部门), inherited by a bare
 * figure that follows (9058平方米), split when one figure serves several subjects (均为) or several
 * figures are listed for several subjects (分别为).
 */
import type { Span } from '../../text/index.ts';

/** Where one figure of a sentence is: its span and where its wording starts (同比, 约…). */
export interface FigureSlot {
  /** Start of the figure's leading words (baseline such as 同比 included). */
  lead: number;
  end: number;
}

/** The subject found for one figure. */
export interface SubjectReading {
  subject: string;
  /** The subjects when one figure serves several (安置率和自谋职业率均为100%); else [subject]. */
  subjects: string[];
  /** The subject was inherited from the previous figure of the sentence (154处,9058平方米). */
  inherited: boolean;
}

/** Marks that end a clause, ASCII and full-width (the seed writes ASCII commas, most reports full-width). */
const clauseMarks = new Set([...',;:!?()。\uff0c\uff1b\uff1a\uff01\uff1f\uff08\uff09']);

const leadingFillers = [
  '本年度',
  '全街道',
  '全年',
  '年内',
  '今年',
  '本年',
  '共计',
  '合计',
  '总计',
  '先后',
  '其中',
  '此外',
  '同时',
  '另外',
  '以及',
  '名列',
  '位列',
  '位居',
  '排名',
  '共',
  '并',
  '和',
  '及',
  '与',
  '且',
  '还',
  '已',
  '、',
  ' ',
];
const trailingFillers = [
  '分别达到',
  '分别为',
  '分别是',
  '分别达',
  '均达到',
  '都达到',
  '累计达',
  '分别',
  '均为',
  '均达',
  '都为',
  '共计',
  '合计',
  '总计',
  '名列',
  '位列',
  '位居',
  '排名',
  '达到',
  '均',
  '都',
  '共',
  '为',
  '是',
  '达',
  '有',
  '计',
  '的',
  '等',
  '、',
  ' ',
];

function stripLeading(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of leadingFillers) {
      // 共有产权房 is a name; 共 only fills when it means "in all".
      if (out.startsWith(w) && !(w === '共' && out.startsWith('共有产权'))) {
        out = out.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function stripTrailing(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of trailingFillers) {
      // 日均, 人均: the 均 of a per-period word stays.
      if (w === '均' && /[日月周年人户]均$/.test(out)) continue;
      if (out.endsWith(w) && out.length > w.length) {
        out = out.slice(0, -w.length);
        changed = true;
        break;
      }
      if (out === w) {
        out = '';
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** Words that say which kind of figure a clause gives (新增, 累计, 日均), not what it counts. */
const kindWords = /新增|累计|总计|合计|日均|月均|人均|户均|其中/g;

const hanCount = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;

function clauseStartBefore(text: string, sentence: Span, at: number): number {
  for (let i = at - 1; i >= sentence.start; i--) if (clauseMarks.has(text[i])) return i + 1;
  return sentence.start;
}

function clauseEndAfter(text: string, sentence: Span, at: number): number {
  for (let i = at; i < sentence.end; i++) if (clauseMarks.has(text[i])) return i;
  return sentence.end;
}

/** Splits 退伍士兵安置率和自谋职业率 into its listed parts, or [] when it lists nothing. */
function listedParts(subject: string): string[] {
  const parts = subject.split(/和|及|与|、/).filter((p) => hanCount(p) >= 2);
  return parts.length >= 2 ? parts : [];
}

/**
 * Finds the subject of each figure of one sentence. `slots` are the figures of the sentence in
 * text order.
 * @example subjectsOf('全年共计拆除违法建筑154处,9058平方米', {start:0,end:21}, [{lead:10,end:14},{lead:15,end:21}])
 * // [{subject:'拆除违法建筑',…}, {subject:'拆除违法建筑', inherited:true,…}]
 */
export function subjectsOf(text: string, sentence: Span, slots: readonly FigureSlot[]): SubjectReading[] {
  const out: SubjectReading[] = [];
  const rawPres: string[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const clauseStart = clauseStartBefore(text, sentence, slot.lead);
    const clauseEnd = clauseEndAfter(text, sentence, slot.end);
    const prev = slots[i - 1];
    const next = slots[i + 1];
    // After a figure of the same clause, its own noun runs up to the list mark: 24家责任部门、1340家….
    let preStart = clauseStart;
    if (prev && prev.end > clauseStart) {
      const mark = text.lastIndexOf('、', slot.lead - 1);
      preStart = mark >= prev.end ? mark + 1 : prev.end;
    }
    const postEnd = next && next.lead < clauseEnd ? next.lead : clauseEnd;
    const rawPre = text.slice(preStart, slot.lead);
    rawPres.push(rawPre);
    const pre = stripTrailing(stripLeading(rawPre));
    let post = text.slice(slot.end, postEnd);
    const listMark = post.indexOf('、');
    if (listMark >= 0) post = post.slice(0, listMark);
    post = stripTrailing(post.replace(/^[的\s]+/, '')).slice(0, 16);
    const own = `${pre}${post}`;
    const last = out[out.length - 1];
    if (hanCount(own.replace(kindWords, '')) < 2 && last) {
      // 新增备案社会组织12家,累计达到97家: the noun is carried, the clause's own kind (累计) replaces the carried one.
      const kind = `${rawPre}${post}`.match(kindWords)?.join('') ?? '';
      const subject = kind ? `${kind}${last.subject.replace(kindWords, '')}` : last.subject;
      out.push({ subject, subjects: kind ? [subject] : last.subjects, inherited: true });
      continue;
    }
    // 安置率和自谋职业率均为100%: one figure, checked against each subject.
    const shared = /(均|都|皆)(为|是|达到|达)?$/.test(rawPre.trim());
    const parts = shared ? listedParts(pre) : [];
    out.push({ subject: own, subjects: parts.length ? parts : [own], inherited: false });
  }
  // 安置率和就业率分别为100%和98%: the k-th figure belongs to the k-th subject.
  for (let i = 0; i < slots.length; i++) {
    if (!/分别(为|是|达到|达)?$/.test(rawPres[i].trim())) continue;
    const parts = listedParts(out[i].subject);
    let k = 1;
    while (k < parts.length && i + k < slots.length && /^[和及与、\s]*$/.test(rawPres[i + k])) k++;
    if (k !== parts.length) continue;
    for (let j = 0; j < k; j++) out[i + j] = { subject: parts[j], subjects: [parts[j]], inherited: false };
  }
  return out;
}
