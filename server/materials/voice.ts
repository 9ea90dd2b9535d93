/**
 * A material sentence in the report's voice: the street speaks, not the department. First-person
 * wording (我科, 本科室, 我单位, 我们) goes — an office of the street is simply dropped where it opens
 * a clause (the report's subject is the street), a centre or a 居委 is named (本居委 → 甘泉苑居民区) —
 * and what only made sense inside the material goes too: list openers (一是, 此外), an opening
 * 今年以来, a pointer to an attachment, a clause-ending semicolon. Nothing is added but names. Pure.
 */
import { reportSubject } from './department.ts';

/** A sentence rewritten, and what was changed (for the draft's trace). */
export interface Voiced {
  text: string;
  notes: string[];
}

/** First-person names of the street itself: they become 街道. */
const streetSelf = /我街道|本街道|我街(?![道头])/g;
/** First-person names of the unit that wrote the material, longest first. */
const unitSelf =
  /我们居委会|我们居委|我们社区|我们中心|我居委会|本居委会|我居委|本居委|我居民区|本居民区|我社区|本社区|我科室|本科室|我单位|本单位|我部门|本部门|我中心|本中心|我办|本办|我科(?!学|技)|本科(?!生|学|以)|我室|本室|我处|本处(?!理)|我所|本所|我站|本站|我队|本队|我部(?!门)|本部(?![门分署])|我们/g;
/** Where a clause starts: the sentence's start or after a comma, semicolon or colon. */
const clauseStart = /(^|[,\uFF0C;\uFF1B:\uFF1A])$/;
/** Words that only read after the subject just dropped (本科室牵头…, 我们还…). */
const afterSubject = /^(的|还|也|又|则|牵头|负责|积极|主动)+/;
/** Openers that tie a sentence to its place in the material's list or flow. */
const opener =
  /^(?:(?:[一二三四五六七八九十]|\d{1,2})是|首先|其次|再次|最后|此外|另外|同时|另一方面|今年以来|今年|一年来|年内)[,\uFF0C:\uFF1A]?/;
const marker =
  /^(?:[(\uFF08]\s*[一二三四五六七八九十\d]{1,3}\s*[)\uFF09]|[一二三四五六七八九十\d]{1,3}\s*[、.\uFF0E])\s*/;
const attachment = /[(\uFF08][^)\uFF09]{0,12}(?:附件|附表|见表)[^)\uFF09]{0,12}[)\uFF09]/g;

/** Replaces first-person names of the unit, dropping them at a clause's start when it is an office. */
function neutralSubjects(text: string, department: string, notes: string[]): string {
  const subject = reportSubject(department);
  let out = '';
  let cursor = 0;
  for (const m of text.matchAll(unitSelf)) {
    out += text.slice(cursor, m.index);
    cursor = m.index + m[0].length;
    const stem = subject?.replace(/(居民区|村|社区)$/, '') ?? '';
    if (subject && stem.length >= 2 && text.startsWith(`的${stem}`, cursor)) {
      // 本居委的甘泉苑社区长者食堂: the noun already names the place.
      cursor += 1;
      notes.push(`去掉“${m[0]}的”`);
    } else if (subject) {
      out += subject;
      notes.push(`“${m[0]}”改为“${subject}”`);
    } else if (clauseStart.test(out)) {
      const rest = afterSubject.exec(text.slice(cursor))?.[0] ?? '';
      cursor += rest.length;
      notes.push(`去掉“${m[0]}${rest}”`);
    } else {
      out += '街道';
      notes.push(`“${m[0]}”改为“街道”`);
    }
  }
  return out + text.slice(cursor);
}

/**
 * The sentence in the report's voice, and what changed.
 * @example reportVoice('我办全年新建社区长者食堂2个。', '社区服务办公室').text // '全年新建社区长者食堂2个。'
 * @example reportVoice('本居委完成加装电梯2台；', '甘泉苑居委会').text // '甘泉苑居民区完成加装电梯2台。'
 */
export function reportVoice(sentence: string, department: string): Voiced {
  const notes: string[] = [];
  let text = sentence.trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(marker, '').replace(opener, '');
  }
  if (text !== sentence.trim()) notes.push('去掉材料中的序号或承接语');
  text = text.replace(streetSelf, (m) => {
    notes.push(`“${m}”改为“街道”`);
    return '街道';
  });
  text = neutralSubjects(text, department, notes);
  const bare = text.replace(attachment, '');
  if (bare !== text) notes.push('去掉指向附件的说明');
  text = bare;
  text = text.replace(/^[,\uFF0C\u3001;\uFF1B:\uFF1A\s]+/, '').replace(/[;\uFF1B,\uFF0C\u3001]$/, '\u3002');
  if (text && !/[\u3002!?\uFF01\uFF1F\u201D\u300D)\uFF09]$/.test(text)) text += '\u3002';
  return { text, notes };
}
