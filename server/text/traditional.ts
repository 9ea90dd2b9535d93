/**
 * Reading Traditional Chinese as Simplified, character for character, so that every offset into the
 * folded text is an offset into the original (spans of figures stay exact): 3250畝 → 3250亩,
 * 128戶 → 128户, 60餘萬元 → 60余万元. OpenCC (opencc-js) does the conversion; it is loaded (its
 * CommonJS build, synchronously) only for texts that hold Traditional characters.
 */
import { createRequire } from 'node:module';

let converter: ((text: string) => string) | null = null;

/** OpenCC's Traditional → mainland Simplified converter (~150 ms to load its dictionary): once. */
function convert(text: string): string {
  const run =
    converter ??
    (createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js/t2cn')).Converter({
      from: 't',
      to: 'cn',
    });
  converter = run;
  return run(text);
}

/**
 * Characters that appear only in Traditional writing, common in reports: one of them is enough to
 * send a text through OpenCC. Simplified texts are returned untouched without loading it.
 */
const traditionalOnly =
  /[們個來這說時會國對發與為過點還區縣鎮萬億戶畝餘項間條場隻噸張輛臺處塊盞棟層幣額數計總業資費標準際範圍門開關長東車電話書學經濟務實現應當機構組織辦術廣環護農體運動關係進據議選舉黨團員區級獲評較減達約億貳參陸圓職聯參與設備務態勢銷產傳統網絡點擊屆節課購買辦]/;

/** 參 is also the banker's 3 (參拾): read it as 叁 inside a run of numerals, as 参 elsewhere. */
const numeralNeighbour = /[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/;

function fixBankerThree(original: string, folded: string): string {
  if (!original.includes('參')) return folded;
  let out = '';
  for (let i = 0; i < original.length; i++) {
    const inRun =
      original[i] === '參' &&
      (numeralNeighbour.test(folded[i - 1] ?? '') || numeralNeighbour.test(folded[i + 1] ?? ''));
    out += inRun ? '叁' : folded[i];
  }
  return out;
}

/**
 * The text with Traditional characters read as Simplified, the same length as the input.
 * @example foldTraditional('完成造林3250畝,惠及128戶') // '完成造林3250亩,惠及128户'
 */
export function foldTraditional(text: string): string {
  if (!traditionalOnly.test(text)) return text;
  let folded = convert(text);
  // A phrase conversion that changed the length would move every offset: fold one character at a time.
  if (folded.length !== text.length) {
    folded = [...text]
      .map((ch) => {
        const one = convert(ch);
        return one.length === ch.length ? one : ch;
      })
      .join('');
  }
  return fixBankerThree(text, folded);
}
