// generate.js writes golden.json: what Google's libphonenumber (npm
// google-libphonenumber, version pinned in package.json) says about a fixed,
// deterministic set of phone numbers. The Go test phone/golden_test.go
// compares package phone against it without needing Node.
//
//   cd testdata/libphonenumber && npm ci && npm run generate
//
// Cases: for every supported region, libphonenumber's example number of each
// type, as E.164 and in national format read with the region as default;
// mutations of those examples that are usually invalid (a digit dropped, a
// digit added, the national number reversed); and hand-written edge cases.
'use strict';
const lpn = require('google-libphonenumber');
const util = lpn.PhoneNumberUtil.getInstance();
const PNF = lpn.PhoneNumberFormat;
const PNT = lpn.PhoneNumberType;

const typeNames = {};
for (const [name, v] of Object.entries(PNT)) typeNames[v] = name.toLowerCase();
// Match the names of sms.NumberType.
const goName = {
  fixed_line: 'fixed_line', mobile: 'mobile', fixed_line_or_mobile: 'fixed_line_or_mobile',
  toll_free: 'toll_free', premium_rate: 'premium_rate', shared_cost: 'shared_cost', voip: 'voip',
  personal_number: 'personal', pager: 'pager', uan: 'uan', voicemail: 'voicemail', unknown: 'unknown',
};

const cases = [];
const seen = new Set();
function add(input, region, note) {
  const key = input + '\u0000' + region;
  if (seen.has(key)) return;
  seen.add(key);
  cases.push({ input, region, note });
}

const types = ['MOBILE', 'FIXED_LINE', 'TOLL_FREE', 'PREMIUM_RATE', 'VOIP', 'SHARED_COST', 'PERSONAL_NUMBER', 'UAN', 'PAGER', 'VOICEMAIL'];
const regions = util.getSupportedRegions().slice().sort();
for (const region of regions) {
  for (const t of types) {
    const ex = util.getExampleNumberForType(region, PNT[t]);
    if (!ex) continue;
    const e164 = util.format(ex, PNF.E164);
    add(e164, '', 'example ' + t.toLowerCase() + ' ' + region);
    if (t === 'MOBILE' || t === 'FIXED_LINE') {
      add(util.format(ex, PNF.NATIONAL), region, 'national ' + t.toLowerCase() + ' ' + region);
    }
    if (t === 'MOBILE') {
      const nsn = util.getNationalSignificantNumber(ex);
      const cc = String(ex.getCountryCode());
      add('+' + cc + nsn.slice(0, -1), '', 'mutation: last digit dropped ' + region);
      add('+' + cc + nsn + '9', '', 'mutation: digit added ' + region);
      add('+' + cc + nsn.split('').reverse().join(''), '', 'mutation: reversed ' + region);
      add(util.format(ex, PNF.INTERNATIONAL), '', 'international format ' + region);
    }
  }
}
for (const cc of util.getSupportedGlobalNetworkCallingCodes().slice().sort((a, b) => a - b)) {
  const ex = util.getExampleNumberForNonGeoEntity(cc);
  if (ex) add(util.format(ex, PNF.E164), '', 'non-geographic +' + cc);
}
const edge = [
  ['+1', ''], ['+12', ''], ['+1415', ''], ['+999123456789', ''], ['+0123456789', ''],
  ['+123456789012345', ''], ['+1234567890123456', ''], ['+14155552671', ''], ['+1 (415) 555-2671', ''],
  ['(415) 555-2671', 'US'], ['415.555.2671', 'US'], ['1-415-555-2671', 'US'], ['011 44 20 7946 0958', 'US'],
  ['00 44 20 7946 0958', 'GB'], ['020 7946 0958', 'GB'], ['07700 900123', 'GB'], ['+44 7700 900123', ''],
  ['+447911123456', ''], ['0612345678', 'FR'], ['+33612345678', ''], ['030 123456', 'DE'], ['+49 30 123456', ''],
  ['+8613800138000', ''], ['13800138000', 'CN'], ['+819012345678', ''], ['090-1234-5678', 'JP'],
  ['+919876543210', ''], ['09876543210', 'IN'], ['+5511987654321', ''], ['(11) 98765-4321', 'BR'],
  ['+61412345678', ''], ['0412 345 678', 'AU'], ['+27821234567', ''], ['+2348031234567', ''],
  ['+971501234567', ''], ['+966501234567', ''], ['+79161234567', ''], ['8 916 123-45-67', 'RU'],
  ['+18005551234', ''], ['+19005551234', ''], ['+15555555555', ''], ['+12015550123', ''], ['+14165551234', ''],
  ['+16475550123', 'CA'], ['+1 684 733 1234', ''], ['+1 787 234 5678', ''], ['+3906698', ''], ['+390669812345', ''],
  ['+37912345', ''], ['+800 1234 5678', ''], ['+882 1234 5678', ''], ['+883 5100 1234 5678', ''],
  ['+979 1 2345 6789', ''], ['+808 1234 5678', ''], ['+870 301 234 567', ''], ['+881 6 1234 5678', ''],
  ['+1 (415) 555-2671 ext. 12', ''], ['+1-800-FLOWERS', ''], ['1-800-FLOWERS', 'US'],
  ['\uFF0B\uFF11\uFF14\uFF11\uFF15\uFF15\uFF15\uFF15\uFF12\uFF16\uFF17\uFF11', ''],
  ['+\u0661\u0664\u0661\u0665\u0665\u0665\u0665\u0662\u0666\u0667\u0661', ''],
  ['+\u06F9\u06F8\u06F9\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8', ''],
  ['\u0660\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667', 'AE'],
  ['+972 50-123-4567', ''], ['050-123-4567', 'IL'], ['+20 10 1234 5678', ''], ['+62 812 3456 789', ''],
  ['+84 91 234 56 78', ''], ['+63 917 123 4567', ''], ['+52 1 55 1234 5678', ''], ['+52 55 1234 5678', ''],
  ['+54 9 11 1234-5678', ''], ['011 15-1234-5678', 'AR'], ['+39 02 1234 5678', ''], ['+39 312 345 6789', ''],
  ['+34 612 34 56 78', ''], ['+351 912 345 678', ''], ['+31 6 12345678', ''], ['+32 470 12 34 56', ''],
  ['+41 78 123 45 67', ''], ['+43 664 123456', ''], ['+46 70 123 45 67', ''], ['+47 406 12 345', ''],
  ['+45 20 12 34 56', ''], ['+358 40 1234567', ''], ['+48 512 345 678', ''], ['+420 601 123 456', ''],
  ['+36 20 123 4567', ''], ['+40 712 345 678', ''], ['+30 691 234 5678', ''], ['+90 501 234 56 78', ''],
  ['+380 50 123 4567', ''], ['+82 10-1234-5678', ''], ['+886 912 345 678', ''], ['+852 5123 4567', ''],
  ['+65 8123 4567', ''], ['+60 12-345 6789', ''], ['+66 81 234 5678', ''], ['+64 21 123 4567', ''],
  ['+254 712 345678', ''], ['+255 621 234 567', ''], ['+256 712 345678', ''], ['+233 23 123 4567', ''],
  ['+212 650-123456', ''], ['+216 20 123 456', ''], ['+213 551 23 45 67', ''], ['+92 301 2345678', ''],
  ['+880 1812-345678', ''], ['+94 71 234 5678', ''], ['+977 984-1234567', ''], ['+98 912 345 6789', ''],
  ['+964 771 234 5678', ''], ['+962 7 9012 3456', ''], ['+961 71 123 456', ''], ['+965 500 12345', ''],
  ['+974 3312 3456', ''], ['+973 3600 1234', ''], ['+968 9212 3456', ''], ['+57 321 1234567', ''],
  ['+56 9 6123 4567', ''], ['+51 912 345 678', ''], ['+58 412-1234567', ''], ['+593 99 123 4567', ''],
  ['+506 8312 3456', ''], ['+507 6123-4567', ''], ['+53 5 1234567', ''], ['+1 876 210 1234', ''],
  ['12345', 'US'], ['911', 'US'], ['112', 'GB'], ['0', 'US'], ['', 'US'], ['+', ''], ['abc', 'US'],
  ['+1 415 555 2671', 'ZZ'], ['4155552671', ''], ['4155552671', 'US'], ['4155552671', 'GB'],
];
for (const [input, region] of edge) add(input, region, 'edge');

function typeOf(num) {
  return goName[typeNames[util.getNumberType(num)]] || 'unknown';
}

const out = [];
for (const c of cases) {
  const r = { input: c.input, region: c.region, note: c.note };
  try {
    const num = util.parse(c.input, c.region || 'ZZ');
    r.ok = true;
    r.e164 = util.format(num, PNF.E164);
    r.calling_code = num.getCountryCode();
    r.possible = util.isPossibleNumber(num);
    r.valid = util.isValidNumber(num);
    const rc = util.getRegionCodeForNumber(num);
    r.number_region = rc == null || rc === 'ZZ' ? '' : rc;
    r.type = typeOf(num);
    r.extension = num.hasExtension() ? num.getExtension() : '';
  } catch (e) {
    r.ok = false;
    r.error = String(e.message || e);
  }
  out.push(r);
}
// One case per line, so that a regenerated file diffs line by line.
const head = {
  source: 'npm google-libphonenumber ' + require('google-libphonenumber/package.json').version,
  generator: 'testdata/libphonenumber/generate.js',
  count: out.length,
};
let text = JSON.stringify(head).slice(0, -1) + ',"cases":[\n';
text += out.map((r) => JSON.stringify(r)).join(',\n');
text += '\n]}\n';
process.stdout.write(text);
