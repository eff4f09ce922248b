// measure.mjs runs one body through Twilio's segment calculator and
// extracts the fields that golden.json records. Shared by gen.mjs and
// verify-anchors.mjs.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SegmentedMessage } = require('sms-segments-calculator');

// measure extracts what the golden file records from one calculator run.
export function measure(body, smart) {
  const m = new SegmentedMessage(body, 'auto', smart);
  const text = m.graphemes.join('');
  const bitsPerUnit = m.encodingName === 'GSM-7' ? 7 : 16;
  const perSegmentUnits = [];
  const perSegmentBits = [];
  for (const seg of m.segments) {
    let u = 0;
    for (const el of seg) if (!el.isUserDataHeader) u += el.codeUnits.length;
    const bits = seg.messageSizeInBits();
    if (u * bitsPerUnit !== bits) throw new Error(`unit/bit mismatch in ${JSON.stringify(body)}`);
    perSegmentUnits.push(u);
    perSegmentBits.push(bits);
  }
  const out = {};
  if (smart) out.body = text;
  else if (text !== body) throw new Error(`graphemes do not rebuild ${JSON.stringify(body)}`);
  Object.assign(out, {
    encoding: m.encodingName,
    segments: m.segmentsCount,
    characters: m.numberOfCharacters,
    graphemes: m.graphemes.length,
    unicodeScalars: m.numberOfUnicodeScalars,
    messageSizeBits: m.messageSize,
    totalSizeBits: m.totalSize,
    perSegmentUnits,
    perSegmentBits,
    nonGsm: m.getNonGsmCharacters(),
  });
  return out;
}
