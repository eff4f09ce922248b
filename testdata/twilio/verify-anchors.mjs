// verify-anchors.mjs checks that measure.mjs extracts, from Twilio's
// calculator, the numbers that published reference cases state. The case
// files are not part of this repository; pass their paths:
//
//	node verify-anchors.mjs path/to/twilio_testcases.json [path/to/twilio_live_verified_cases.json]
//
// It prints every mismatch and exits 1 if there is any.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { measure } from './measure.mjs';

const require = createRequire(import.meta.url);
const { SegmentedMessage } = require('sms-segments-calculator');

const [testcases, live] = process.argv.slice(2);
if (!testcases) {
  console.error('usage: node verify-anchors.mjs twilio_testcases.json [twilio_live_verified_cases.json]');
  process.exit(2);
}

let bad = 0;
let checked = 0;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function check(name, field, got, want) {
  checked++;
  if (!same(got, want)) {
    bad++;
    console.log(`MISMATCH ${name}: ${field} = ${JSON.stringify(got)}, anchor says ${JSON.stringify(want)}`);
  }
}

for (const c of JSON.parse(readFileSync(testcases, 'utf8'))) {
  let r;
  try {
    r = measure(c.body, Boolean(c.smartEncoding));
  } catch (err) {
    bad++;
    console.log(`ERROR ${c.name}: ${err.message}`);
    continue;
  }
  // graphemes per segment, as the calculator's own tests count them
  const m = new SegmentedMessage(c.body, 'auto', Boolean(c.smartEncoding));
  const perSegmentChars = m.segments.map((s) => s.filter((el) => !el.isUserDataHeader).length);
  const fields = {
    encoding: r.encoding,
    segments: r.segments,
    characters: r.characters,
    unicodeScalars: r.unicodeScalars,
    messageSizeBits: r.messageSizeBits,
    totalSizeBits: r.totalSizeBits,
    nonGsm: r.nonGsm,
    perSegmentBits: r.perSegmentBits,
    perSegmentChars,
    lineBreakStyle: m.lineBreakStyle ?? null,
  };
  for (const [k, v] of Object.entries(fields)) if (k in c) check(c.name, k, v, c[k]);
  if ('utf16Units' in c) check(c.name, 'utf16Units', c.body.length, c.utf16Units);
}

if (live) {
  for (const c of JSON.parse(readFileSync(live, 'utf8')).cases) {
    const r = measure(c.body, Boolean(c.smartEncoding));
    const name = `live ${c.id}`;
    check(name, 'encoding', r.encoding, c.calc.encoding);
    check(name, 'segments', r.segments, c.calc.segments);
    if ('characters' in c.calc) check(name, 'characters', r.characters, c.calc.characters);
    check(name, 'segments (billed)', r.segments, c.twilioBilledNumSegments);
  }
}
console.log(`${checked} checks, ${bad} mismatches`);
process.exit(bad ? 1 : 0);
