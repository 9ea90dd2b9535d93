/**
 * Office names: what ends an office's name (街道, 镇, 局…), and the one rule for telling that two
 * names are the same office — 殷行街道 and 上海市杨浦区人民政府殷行街道办事处, 木洞镇 and
 * 重庆市巴南区木洞镇人民政府. Used by report reading, chat's question understanding and search filters.
 */

/** Suffixes that end the name of an office: 街道, 镇, 乡, 区…局, 委, 办, 筹备处… */
const officeSuffix =
  /(街道办事处|街道党工委|街道|办事处|人民政府|政府|委员会|办公室|管委会|党工委|党委|镇|乡|区|县|市|省|局|委|办|厅|署|处|科|所|站|中心|院|馆|队|部|会|公司|集团)$/;

/**
 * True when a string reads as an office's name: 2–30 characters ending like one, optionally with a
 * second name in brackets (蠡园开发区(蠡园街道)).
 * @example isOfficeName('北京市东城区人民政府交道口街道办事处') // true
 */
export function isOfficeName(name: string): boolean {
  const main = name.replace(/[(\uFF08][^()\uFF08\uFF09]{2,12}[)\uFF09]$/, '');
  return name.length >= 2 && name.length <= 30 && main.length >= 2 && officeSuffix.test(main);
}

/** A leading region: 上海市, 杨浦区, 长沙县 (two or more characters before 省/市/区/县…), not an office itself. */
const region = /^[\p{Script=Han}]{2,6}?(?:自治区|自治州|省|市|区|县|旗|盟)/u;
const notRegion = /(开发区|高新区|经开区|新区|园区|社区|景区|街区)$/;
/** Offices named after their place: every region before them can go. */
const placeOffice = /(街道办事处|街道办|街道|镇人民政府|镇政府|镇|乡人民政府|乡政府|乡|办事处)(筹备处)?$/;
/** The plain form of a place office's ending: 街道办事处 → 街道, 镇人民政府 → 镇. */
const plainEnding: [RegExp, string][] = [
  [/(街道办事处|街道办|街道党工委)(筹备处)?$/, '街道'],
  [/街道筹备处$/, '街道'],
  [/镇(人民)?政府$/, '镇'],
  [/乡(人民)?政府$/, '乡'],
];

/** The leading regions of a name, in order. */
function regions(name: string): string[] {
  const out: string[] = [];
  let rest = name.replace(/^[(\uFF08][^()\uFF08\uFF09]{2,8}[)\uFF09]/, '');
  for (let m = region.exec(rest); m && !notRegion.test(m[0]); m = region.exec(rest)) {
    out.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** The key of one name: regions dropped (all for a place office, all but the last for a department). */
function keyOf(name: string): string {
  const bare = name.replace(/^[(\uFF08][^()\uFF08\uFF09]{2,8}[)\uFF09]/, '');
  const found = regions(bare);
  let rest = bare.slice(found.join('').length).replace(/^(人民政府|政府)(?=.)/, '');
  if (!placeOffice.test(rest) && found.length > 0) rest = found[found.length - 1] + rest;
  for (const [ending, plain] of plainEnding) rest = rest.replace(ending, plain);
  return rest;
}

/**
 * The keys an office name goes by: its main name and the one in brackets, each without the regions
 * before it and with its ending made plain.
 * @example orgKeys('上海市杨浦区人民政府殷行街道办事处') // ['殷行街道']
 * @example orgKeys('蠡园开发区(蠡园街道)') // ['蠡园开发区', '蠡园街道']
 */
export function orgKeys(name: string): readonly string[] {
  let keys = keysByName.get(name);
  if (!keys) {
    const text = name.replace(/\s+/g, '').normalize('NFKC');
    const bracket = /^(.+?)\(([^()]{2,12})\)$/.exec(text);
    const names = bracket ? [bracket[1], bracket[2]] : [text];
    keys = [...new Set(names.map(keyOf).filter((k) => k.length >= 2))];
    // A district's ledger names its few offices on every row: remember them, within a bound.
    if (keysByName.size >= keysCacheSize) keysByName.clear();
    keysByName.set(name, keys);
  }
  return keys;
}

/** orgKeys' answers by name (a store names a few dozen offices; the bound keeps hostile input cheap). */
const keysByName = new Map<string, readonly string[]>();
const keysCacheSize = 4096;

/**
 * True when two names are the same office (one rule for report reading, chat and search filters).
 * @example sameOrg('殷行街道', '上海市杨浦区人民政府殷行街道办事处') // true
 * @example sameOrg('长治市上党区统计局', '上党区统计局') // true
 * @example sameOrg('五角场街道', '殷行街道') // false
 */
export function sameOrg(a: string, b: string): boolean {
  const keys = new Set(orgKeys(a));
  return orgKeys(b).some((k) => keys.has(k));
}
