// gen.mjs builds smsgauge's golden conformance corpus.
//
// It writes a corpus of message bodies aimed at the segment boundaries of
// SMS (160/153 septets, 70/67 UTF-16 units), runs each body through Twilio's
// segment calculator (npm sms-segments-calculator, pinned in package.json)
// with smart encoding off and on, and writes golden.json and golden.meta.json.
//
//	cd testdata/twilio && npm ci && node gen.mjs
//
// The corpus is deterministic: a seeded PRNG, no clock and no Math.random.
// golden.json is byte-identical on every run; only the generation date in
// golden.meta.json changes (set SOURCE_DATE_EPOCH to pin it).

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { RcsSegmentedMessage } = require('sms-segments-calculator');
// The calculator's own SmartEncoding table is used only to pick characters
// to put into bodies; the results always come from SegmentedMessage.
const SmartEncodingMap = require('sms-segments-calculator/dist/libs/SmartEncodingMap.js').default;
const calcVersion = require('sms-segments-calculator/package.json').version;
const splitterVersion = require('grapheme-splitter/package.json').version;

const SEED = 0x5e6a7e; // any fixed value; changing it changes the corpus

// ---------------------------------------------------------------- PRNG

// mulberry32: small, fast, deterministic 32-bit generator.
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(SEED);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chars = (s) => [...s];

// ---------------------------------------------------------------- alphabets

// GSM 03.38 basic characters that cost one septet (LF and CR kept apart so
// random filler never makes accidental line breaks).
const GSM_BASIC = chars(
  '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The ten characters of the extension table (2 septets each).
const GSM_EXT = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];
const EXT_NAMES = ['ff', 'caret', 'lbrace', 'rbrace', 'bslash', 'lbracket', 'tilde', 'rbracket', 'pipe', 'euro'];
const ASCII_WORDS = chars('abcdefghijklmnopqrstuvwxyz     ABCDEFGHIJ0123456789.,!?');

const range = (lo, hi) => {
  const out = [];
  for (let c = lo; c <= hi; c++) out.push(String.fromCodePoint(c));
  return out;
};

// Scripts whose characters are each one BMP code point and one grapheme
// cluster, so n characters are n UTF-16 units.
const SIMPLE = {
  cyrillic: range(0x430, 0x44f).concat(range(0x410, 0x42f), [' ']),
  greek: range(0x3b1, 0x3c9).concat([' ', 'ά', 'έ', 'ή', 'ί', 'ό', 'ύ', 'ώ']),
  cjk: range(0x4e00, 0x4e7f).concat(range(0x3041, 0x3093), ['。', '、']),
  hangul: range(0xac00, 0xac7f).concat(range(0xd4a0, 0xd4ff), [' ']),
  hebrew: range(0x5d0, 0x5ea).concat([' ']),
  arabic: range(0x627, 0x64a).concat([' ', '،']),
  armenian: range(0x561, 0x586).concat([' ']),
  georgian: range(0x10d0, 0x10f0).concat([' ']),
  ethiopic: range(0x1200, 0x1248),
  latinExt: chars('çşğıłńśźżąęčďěňřšťůžőűâêîôûãõàáíóúýÿ'),
};

// Words with combining marks or conjuncts: clusters of several code points.
const COMPLEX = {
  devanagari: ['क्ष', 'नमस्ते', 'हिन्दी', 'क्षत्रिय', 'स्त्री', 'द्वार', 'श्री', 'प्रेम', ' '],
  tamil: ['தமிழ்', 'வணக்கம்', 'க்ஷ', 'ஸ்ரீ', 'நன்றி', ' '],
  bengali: ['বাংলা', 'ক্ষ', 'শ্রী', 'স্বাগত', 'ধন্যবাদ', ' '],
  thai: ['สวัสดี', 'ภาษาไทย', 'กำ', 'น้ำ', 'ที่', 'ครับ', ' '],
  hangulJamo: ['\u1100\u1161', '\u1100\u1161\u11a8', '\u1112\u1161\u11ab', '\u110b\u1173\u11af', ' '],
  arabicHarakat: ['مَرْحَبًا', 'سَلَام', 'كِتَاب', 'شُكْرًا', ' '],
  hebrewNiqqud: ['שָׁלוֹם', 'תּוֹדָה', 'בְּרֵאשִׁית', ' '],
  vietnamese: ['Tiếng Việt', 'người', 'Việt Nam', 'e\u0302\u0301', 'o\u031b\u0300', ' '],
  decomposedLatin: ['e\u0301', 'a\u0308', 'o\u0308', 'n\u0303', 'u\u0308', 'c\u0327', 'C\u0327', ' '],
};

// Emoji and other clusters that do not fit GSM-7, from 1 to 14 UTF-16 units.
const EMOJI = {
  smile: '😜',
  bmpSmiley: '☺',
  heartVS16: '❤️',
  sparkles: '✨',
  thumbsTone: '👍🏽',
  wavingTone: '👋🏿',
  family4: '👨‍👩‍👧‍👦',
  couple: '👩‍❤️‍👨',
  kiss: '👩‍❤️‍💋‍👨',
  rainbowFlag: '🏳️‍🌈',
  flagUS: '🇺🇸',
  flagsUSFR: '🇺🇸🇫🇷',
  loneRI: '🇫',
  keycap1: '1️⃣',
  keycapHash: '#️⃣',
  scotland: '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  copyrightVS: '©️',
  blackCat: '🐈‍⬛', // Unicode 13 ZWJ sequence
  redHair: '🧑‍🦰', // Unicode 11 component
  handshake: '🧑‍🤝‍🧑',
  heartOnFire: '❤️‍🔥',
  heartHandsTone: '🫶🏽', // Unicode 14 base + modifier
  unicornTone: '🦄🏻', // not an emoji modifier base
  modifierAlone: '🏽',
  zwjAlone: '\u200d',
  vs16Alone: '\ufe0f',
  womanTech: '👩🏾‍💻',
  mathBold: '𝐀',
  cjkExtB: '𠀀',
  gsmPlusVS: 'a\ufe0f',
  gsmPlusZWJ: '$\u200d',
};
const EMOJI_KEYS = Object.keys(EMOJI);

// Characters that Twilio's SmartEncoding map replaces.
const SMART_KEYS = Object.keys(SmartEncodingMap).sort();
const SMART_COMMON = ['‘', '’', '“', '”', '–', '—', '…', '\u00a0', '«', '»', '•', '\t', '\u200b', '′', '″', '´'];

const CONTROLS = range(0x00, 0x1f).concat(['\x7f', '\x80', '\x85', '\x9f', '`', 'ç', 'Ç', '\u2028', '\u2029']);

// ---------------------------------------------------------------- fillers

// gsm returns n septets of GSM-7 text. style: 'a', 'digits', 'text', 'ext'
// ('ext' sprinkles 2-septet characters; the count is still exact).
function gsm(n, style = 'text') {
  if (n <= 0) return '';
  if (style === 'a') return 'a'.repeat(n);
  if (style === 'digits') {
    let s = '';
    for (let i = 0; i < n; i++) s += String((i + 1) % 10);
    return s;
  }
  let out = '';
  let left = n;
  while (left > 0) {
    if (style === 'ext' && left >= 2 && rnd() < 0.15) {
      out += pick(GSM_EXT);
      left -= 2;
    } else if (style === 'words') {
      out += pick(ASCII_WORDS);
      left--;
    } else {
      out += pick(GSM_BASIC);
      left--;
    }
  }
  return out;
}

// ucs returns n UTF-16 units of single-unit, single-cluster characters of a
// script ('ascii' means GSM basic characters, which cost 1 unit in UCS-2).
function ucs(n, script) {
  if (n <= 0) return '';
  if (script === 'ascii') return gsm(n, 'words');
  if (script === 'a') return 'a'.repeat(n);
  const set = SIMPLE[script];
  let s = '';
  for (let i = 0; i < n; i++) s += pick(set);
  return s;
}

const UCS_FILLERS = ['a', 'ascii', 'cyrillic', 'cjk', 'greek', 'hangul', 'hebrew', 'arabic'];
const units = (s) => s.length; // UTF-16 code units

// ---------------------------------------------------------------- corpus

const corpus = [];
const seen = new Set();
const idCount = new Map();
function add(id, body) {
  if (seen.has(body)) return;
  if (!body.isWellFormed()) throw new Error(`${id}: body has a lone surrogate`);
  seen.add(body);
  const n = (idCount.get(id) || 0) + 1;
  idCount.set(id, n);
  corpus.push({ id: n === 1 ? id : `${id}#${n}`, body });
}

const pad4 = (n) => String(n).padStart(4, '0');

// GSM septet lengths around every boundary.
const GSM_LENGTHS = [0, 1, 2, 3, 69, 70, 71, 72, 152, 153, 154, 159, 160, 161, 162];
for (let k = 2; k <= 11; k++) for (let d = -2; d <= 2; d++) GSM_LENGTHS.push(153 * k + d);
GSM_LENGTHS.push(1600, 1601, 1650, 1700);
// UCS-2 unit lengths around every boundary.
const UCS_LENGTHS = [1, 2, 66, 67, 68, 69, 70, 71, 72];
for (let k = 2; k <= 25; k++) for (let d = -1; d <= 1; d++) UCS_LENGTHS.push(67 * k + d);
// cut positions: the first unit of segment k+1 (0-based) once concatenated
const GSM_CUTS = [153, 306, 459, 612, 765, 918, 1071, 1224, 1377, 1530];
const UCS_CUTS = [];
for (let k = 1; k <= 25; k++) UCS_CUTS.push(67 * k);

// 1. The empty body and tiny bodies.
add('empty', '');
for (const s of [' ', '\n', '\r', '\r\n', '@', '€', '`', 'ç', 'Ç', '\0', 'é', 'e\u0301', '😜', '\u200b', '\u00a0']) {
  add(`tiny-${[...s].map((c) => c.codePointAt(0).toString(16)).join('+')}`, s);
}

// 2. Plain lengths.
for (const L of GSM_LENGTHS) {
  const styles = L <= 462 ? ['a', 'digits', 'text', 'ext'] : [pick(['text', 'ext', 'digits'])];
  for (const style of styles) add(`gsm-len-${pad4(L)}-${style}`, gsm(L, style));
}
for (const L of UCS_LENGTHS) {
  let fillers = UCS_FILLERS.slice(2);
  if (L > 72) fillers = L <= 402 ? [pick(fillers)] : [];
  for (const f of fillers) add(`ucs-len-${pad4(L)}-${f}`, ucs(L, f));
  // one astral emoji at the start, GSM text after: forced UCS-2
  if (L >= 2) add(`ucs-len-${pad4(L)}-emoji-first`, '😜' + gsm(L - 2, 'words'));
  // one non-GSM BMP character at the end
  if (L <= 72 || (L < 800 && rnd() < 0.5)) add(`ucs-len-${pad4(L)}-ucs-last`, gsm(L - 1, 'words') + 'ж');
}

// 3. GSM extension characters exactly at the cuts.
for (const [i, ch] of GSM_EXT.entries()) {
  const positions = [151, 152, 153, 154, 158, 159, 160, 304, 305, 306, 307, 458, 459];
  for (let i = 3; i < GSM_CUTS.length; i++) if (rnd() < 0.5) positions.push(GSM_CUTS[i] - 1);
  for (const p of positions) {
    const base = pick(['a', 'a', 'text', 'digits']);
    // before septet 160 a tail of 7+ makes the body concatenated, so the
    // character straddles the 153 cut; at 158-160 short tails hit 160/161
    let tails = [pick([0, 1])];
    if (p <= 154) tails = [int(7, 12), int(13, 60)];
    else if (p <= 160) tails = [pick([0, 1]), int(2, 40)];
    else if (p < 310) tails.push(int(2, 40));
    for (const t of tails) add(`ext-cut-${EXT_NAMES[i]}-${pad4(p)}-${t}`, gsm(p, base) + ch + gsm(t, base));
  }
}
// runs of extension characters that fill to the boundary
for (const n of [79, 80, 81, 76, 77, 153, 154, 230]) {
  add(`ext-run-${n}`, Array.from({ length: n }, () => pick(GSM_EXT)).join(''));
  add(`ext-run-odd-${n}`, 'a' + Array.from({ length: n }, () => pick(GSM_EXT)).join(''));
}
// an extension character straddling every cut of a long body
for (const off of [-1, 0, 1]) {
  let s = '';
  let septets = 0;
  for (const c of GSM_CUTS.slice(0, 9)) {
    const want = c - 1 + off - septets;
    s += gsm(want, 'text') + pick(GSM_EXT);
    septets += want + 2;
  }
  add(`ext-every-cut${off}`, s + gsm(10, 'text'));
}

// 4. Emoji and other non-GSM clusters at the UCS-2 cuts.
const ucsCutPositions = (u) => {
  const out = [];
  for (let p = 70 - u - 1; p <= 70; p++) if (p >= 0) out.push(p); // single-segment limit
  for (const c of [67, 134]) for (let p = c - u - 1; p <= c + 1; p++) if (p >= 0) out.push(p);
  out.push(pick([201, 268, 335]) - 1);
  if (rnd() < 0.3) out.push(pick([603, 1005, 1541]) - 1);
  return [...new Set(out)];
};
for (const key of EMOJI_KEYS) {
  const e = EMOJI[key];
  for (const p of ucsCutPositions(units(e))) {
    const f = rnd() < 0.8 ? pick(['a', 'ascii']) : pick(['cyrillic', 'cjk', 'hangul', 'arabic']);
    const next = UCS_CUTS.find((c) => c > p + units(e)) || p + 70;
    const t = rnd() < 0.75 ? pick([0, 1, int(2, 10)]) : Math.max(0, next - p - units(e) - int(0, 1));
    add(`emoji-cut-${key}-${pad4(p)}`, ucs(p, f) + e + ucs(t, f));
  }
}
// one emoji straddling every cut
for (const key of ['smile', 'family4', 'flagUS', 'thumbsTone', 'keycap1', 'scotland', 'blackCat']) {
  for (const off of [-1, 0]) {
    const e = EMOJI[key];
    let s = '';
    let u = 0;
    for (const c of UCS_CUTS.slice(0, 8)) {
      const want = Math.max(0, c - Math.floor(units(e) / 2) + off - u);
      s += ucs(want, 'ascii') + e;
      u += want + units(e);
    }
    add(`emoji-every-cut-${key}${off}`, s + ucs(5, 'cyrillic'));
  }
}
// flag runs: even and odd numbers of regional indicators
for (const n of [33, 34, 35, 36, 67, 68]) {
  const ris = Array.from({ length: n }, () => String.fromCodePoint(0x1f1e6 + int(0, 25))).join('');
  add(`ri-run-${n}`, ris);
  add(`ri-run-${n}-a`, 'a' + ris);
}

// 5. Combining marks and multi-code-point clusters at the cuts.
const COMBINING = ['e\u0301', 'a\u0308', 'n\u0303', 'e\u0301\u0323', 'क्', 'ก\u0e33', 'a\u20dd', 'o\u0302', 'E\u0338', 'x\u0332'];
for (const cm of COMBINING) {
  for (const p of [65, 66, 67, 68, 69, 70, 132, 133, 134]) {
    const f = pick(['a', 'ascii', 'cyrillic']);
    add(`comb-cut-${pad4(p)}`, ucs(p, f) + cm + ucs(int(0, 12), f));
  }
  // in a GSM-looking body near the septet cuts (it still forces UCS-2)
  for (const p of [152, 159, 160]) add(`comb-gsm-${pad4(p)}`, gsm(p, 'a') + cm);
}
for (const n of [66, 67, 68, 69, 70, 71, 134, 135]) {
  add(`decomposed-e-${n}`, 'e\u0301'.repeat(n));
  add(`precomposed-e-${n}`, 'é'.repeat(n));
}

// 6. Line breaks at the cuts.
const BREAKS = { crlf: '\r\n', lf: '\n', cr: '\r', lfcr: '\n\r', crlf2: '\r\n\r\n' };
for (const [name, br] of Object.entries(BREAKS)) {
  for (const p of [151, 152, 153, 154, 158, 159, 160, 161, 304, 305, 306, 307]) {
    add(`br-gsm-${name}-${pad4(p)}`, gsm(p, 'a') + br + gsm(pick([0, 1, int(2, 30)]), 'a'));
  }
  for (const p of [65, 66, 67, 68, 69, 70, 132, 133, 134]) {
    add(`br-ucs-${name}-${pad4(p)}`, ucs(p, 'cyrillic') + br + ucs(pick([0, 1, int(2, 30)]), 'cyrillic'));
  }
  add(`br-trailing-${name}`, gsm(159, 'text') + br);
  add(`br-mixed-${name}`, 'line one\nline two\r\n' + br + 'end');
}
for (let i = 0; i < 20; i++) {
  let s = '';
  while (s.length < int(100, 500)) s += gsm(int(0, 40), 'words') + pick(Object.values(BREAKS));
  add('br-random', s);
}

// 7. Controls, backtick, ç/Ç, separators.
for (const c of CONTROLS) {
  const hex = c.codePointAt(0).toString(16).padStart(4, '0');
  add(`ctl-${hex}-start`, c + gsm(20, 'words'));
  add(`ctl-${hex}-mid`, gsm(80, 'words') + c + gsm(79, 'words'));
  add(`ctl-${hex}-cut`, gsm(66, 'a') + c + c + gsm(3, 'a'));
  add(`ctl-${hex}-alone3`, c + c + c);
}

// 8. Scripts, random lengths and boundary lengths.
for (const script of Object.keys(SIMPLE)) {
  for (let i = 0; i < 8; i++) add(`script-${script}`, ucs(pick([int(1, 80), int(1, 300)]), script));
  for (const L of [70, 71, 134, 135]) add(`script-${script}-${pad4(L)}`, ucs(L, script));
}
for (const script of Object.keys(COMPLEX)) {
  for (let i = 0; i < 14; i++) {
    let s = '';
    const target = pick([int(1, 80), int(60, 140), int(130, 420)]);
    while (s.length < target) s += pick(COMPLEX[script]);
    add(`script-${script}`, s);
  }
}
// Greek capitals that are GSM-7 next to ones that are not
add('greek-gsm-capitals', 'ΔΦΓΛΩΠΨΣΘΞ'.repeat(16));
add('greek-gsm-capitals-161', 'ΔΦΓΛΩΠΨΣΘΞ'.repeat(16) + 'Δ');
add('greek-mixed-capitals', 'ΔΑΒΓ'.repeat(20));

// 9. SmartEncoding characters: every mapped character, at the cut and mixed.
for (const key of SMART_KEYS) {
  const hex = key.codePointAt(0).toString(16).padStart(4, '0');
  add(`smart-${hex}-160`, gsm(159, 'a') + key);
  add(`smart-${hex}-cut`, gsm(pick([152, 153, 159, 160]), 'words') + key + gsm(int(0, 8), 'words'));
  if (/\p{M}/u.test(key)) add(`smart-${hex}-after-letter`, 'e' + key + gsm(int(0, 60), 'words'));
}
for (let i = 0; i < 120; i++) {
  const L = pick([int(1, 200), pick(GSM_LENGTHS.filter((n) => n < 700)), pick(UCS_LENGTHS.filter((n) => n < 400))]);
  let s = '';
  while (s.length < L) {
    const r = rnd();
    if (r < 0.12) s += pick(SMART_COMMON);
    else if (r < 0.14) s += pick(SMART_KEYS);
    else if (r < 0.145) s += pick(Object.values(EMOJI));
    else s += pick(ASCII_WORDS);
  }
  add('smart-mix', s);
}
// expansions and deletions that move the body across a boundary
for (const [name, c] of Object.entries({ tab: '\t', nbsp: '\u00a0', ellipsis: '…', zwsp: '\u200b', nul: '\0', ideo: '\u3000' })) {
  for (const p of [150, 152, 153, 155, 158, 159, 160]) add(`smart-shift-${name}-${pad4(p)}`, gsm(p, 'words') + c + 'x');
  add(`smart-shift-${name}-many`, (c + 'ab').repeat(60));
}

// 10. Oversized clusters: ZWJ chains and combining piles bigger than a segment.
const chain = (base, n) => Array.from({ length: n }, () => base).join('\u200d');
for (const n of [20, 23, 25, 30, 35, 40, 45]) {
  for (const [bn, b] of Object.entries({ woman: '👩', heart: '❤', kiss: '💋', womanTone: '👩🏽' })) {
    const c = chain(b, n);
    add(`big-${bn}-${n}`, c);
    add(`big-${bn}-${n}-mid`, 'a' + c + 'b');
    add(`big-${bn}-${n}-pre30`, 'a'.repeat(30) + c + 'z'.repeat(10));
    add(`big-${bn}-${n}-twice`, 'a'.repeat(30) + c + c);
  }
}
for (const n of [12, 13, 20]) {
  // two medium chains that overflow segment 2 after the header is added
  const c = chain('👩', n + 1);
  for (const pre of [20, 25, 30, 35]) add(`big-medium-${n}-${pre}`, 'a'.repeat(pre) + c + c + 'end');
}
for (const n of [60, 66, 67, 68, 69, 70, 80, 140]) {
  add(`big-zalgo-${n}`, 'e' + '\u0301'.repeat(n));
  add(`big-zalgo-${n}-pre`, gsm(50, 'a') + 'e' + '\u0300'.repeat(n) + 'tail');
}
add('big-jamo', '\u1100'.repeat(40) + '\u1161'.repeat(30) + '\u11a8'.repeat(20));
add('big-vs', 'x' + '\ufe0f'.repeat(75));

// 11. Long bodies up to about 1,700 units.
for (let i = 0; i < 45; i++) {
  const L = int(900, 1700);
  const kind = pick(['gsm', 'gsmext', 'ucs', 'mix']);
  let s = '';
  if (kind === 'gsm') s = gsm(L, 'text');
  else if (kind === 'gsmext') s = gsm(L, 'ext');
  else if (kind === 'ucs') s = ucs(L, rnd() < 0.3 ? pick(UCS_FILLERS) : 'ascii') + pick(Object.values(EMOJI));
  else {
    while (s.length < L) {
      const r = rnd();
      if (r < 0.03) s += pick(Object.values(EMOJI));
      else if (r < 0.05) s += pick(GSM_EXT);
      else if (r < 0.07) s += pick(SMART_COMMON);
      else if (r < 0.08) s += pick(['\r\n', '\n']);
      else s += pick(ASCII_WORDS);
    }
  }
  add(`long-${kind}`, s);
}

// 12. Random mixes of everything, with lengths pulled toward the boundaries.
const TOKENS = [
  () => pick(GSM_BASIC),
  () => pick(ASCII_WORDS),
  () => pick(ASCII_WORDS),
  () => pick(GSM_EXT),
  () => pick(Object.values(EMOJI)),
  () => pick(SIMPLE[pick(Object.keys(SIMPLE))]),
  () => pick(COMPLEX[pick(Object.keys(COMPLEX))]),
  () => pick(SMART_COMMON),
  () => pick(['\r\n', '\n', '\r']),
  () => pick(CONTROLS),
];
while (corpus.length < 3100) {
  const L =
    rnd() < 0.1
      ? int(400, 1200)
      : pick([int(1, 160), int(1, 320), pick(GSM_LENGTHS.filter((n) => n < 320)) + int(-1, 1), pick(UCS_LENGTHS.filter((n) => n < 210)) + int(-1, 1)]);
  const mode = int(0, 3); // 0: GSM only, 1: mostly GSM, 2: mostly UCS-2, 3: uniform
  let s = '';
  while (s.length < L) {
    if (mode === 0) s += rnd() < 0.1 ? pick(GSM_EXT) : pick(GSM_BASIC);
    else if (mode === 1) s += rnd() < 0.97 ? pick(ASCII_WORDS) : pick(TOKENS)();
    else if (mode === 2) s += rnd() < 0.8 ? pick(ASCII_WORDS) : pick(TOKENS)();
    else s += pick(TOKENS)();
  }
  add(`random-m${mode}`, s);
}

// ---------------------------------------------------------------- run

const golden = corpus.map(({ id, body }) => ({
  id,
  body,
  plain: measure(body, false),
  smart: measure(body, true),
  rcsSegments: new RcsSegmentedMessage(body, 'us').segmentsCount,
}));

const text = '[\n' + golden.map((g) => JSON.stringify(g)).join(',\n') + '\n]\n';
writeFileSync(new URL('golden.json', import.meta.url), text);

const date = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000)
  : new Date(); // only the metadata carries the date
const meta = {
  calculator: `sms-segments-calculator@${calcVersion}`,
  graphemeSplitter: `grapheme-splitter@${splitterVersion}`,
  node: process.version,
  generated: date.toISOString().slice(0, 10),
  generator: 'testdata/twilio/gen.mjs',
  seed: SEED,
  bodies: golden.length,
  goldenSHA256: createHash('sha256').update(text).digest('hex'),
  fields: {
    plain: 'new SegmentedMessage(body, "auto", false)',
    smart: 'new SegmentedMessage(body, "auto", true); smart.body = graphemes.join("")',
    rcsSegments: 'new RcsSegmentedMessage(body, "us").segmentsCount',
    perSegmentUnits: 'per segment, sum of codeUnits.length over non-header elements (septets or UTF-16 units)',
    perSegmentBits: 'per segment, messageSizeInBits() (header excluded)',
  },
};
writeFileSync(new URL('golden.meta.json', import.meta.url), JSON.stringify(meta, null, 2) + '\n');
console.log(`wrote ${golden.length} bodies, ${text.length} chars`);
