// smsgauge composer: a live SMS counter driven by the library compiled to
// WebAssembly. The core module (counter, segments, smart encoding,
// suggestion) loads at once; the forms module (address syntax and the
// request builder) right after it; the phone module (the same with
// phone-number metadata: region, number type) the first time an address
// field is used.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const body = $('body');
  const state = { core: null, forms: null, phone: null, phoneLoading: null, last: null, frame: 0, fieldErrors: {}, pricing: null };

  // load instantiates one Go module; its main() registers the global
  // object synchronously before go.run returns control.
  async function load(file, global, withExports) {
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch(file), go.importObject);
    go.run(instance);
    const api = globalThis[global];
    if (!api) throw new Error(file + ' did not register ' + global);
    return withExports ? { api, exports: instance.exports } : api;
  }

  // fastCounter calls the module's count exports directly (see
  // internal/webapi/export.go): the body goes into linear memory with
  // TextEncoder.encodeInto and eight integers come back, with no
  // syscall/js callback in between. It returns null on any error, and the
  // caller then asks count(), which explains the error.
  function fastCounter(ex) {
    if (!ex || !ex.smsgauge_input || !ex.smsgauge_count || !ex.mem) return null;
    const encoder = new TextEncoder();
    const names = ['', 'GSM-7', 'UCS-2'];
    return (s, o) => {
      const cap = s.length * 3;
      const p = ex.smsgauge_input(cap);
      const { read, written } = encoder.encodeInto(s, new Uint8Array(ex.mem.buffer, p, Math.max(cap, 16)));
      if (read !== s.length) return null;
      const q = ex.smsgauge_count(written, (o.smart ? 1 : 0) | (o.nfc ? 2 : 0) | (o.udh16 ? 4 : 0));
      if (q === 0) return null;
      const v = new Int32Array(ex.mem.buffer, q, 8);
      return { encoding: names[v[0]], segments: v[1], characters: v[2], units: v[3], capacity: v[4], used: v[5], left: v[6], saved: v[7] };
    };
  }

  function options() {
    return { smart: $('smart').checked, udh16: $('udh16').checked };
  }

  const READY = 'Ready. Counting follows Twilio\'s rules; nothing leaves this page.';

  function setStatus(text, isError) {
    const s = $('status');
    s.textContent = text;
    s.className = isError ? 'status error' : 'status';
    state.statusError = !!isError;
  }

  // update runs on every input event: one count() call (the counter's
  // figures only, no text or character lists) and four DOM writes,
  // synchronously. Everything heavier (the full analysis, segment blocks,
  // the suggestion, the request preview) waits for the next frame, so a
  // burst of input or a large paste costs one render.
  function update() {
    if (!state.core) return;
    const o = options();
    const c = (state.fastCount && state.fastCount(body.value, o)) || state.core.count(body.value, o);
    if (c.error) {
      setStatus(c.error.message, true);
      return;
    }
    if (state.statusError) setStatus(READY);
    $('encoding').textContent = c.encoding;
    $('segments').textContent = c.segments;
    $('characters').textContent = c.characters;
    $('left').textContent = c.left;
    $('counter').className = c.encoding === 'UCS-2' ? 'counter ucs2' : 'counter';
    if (!state.frame) state.frame = requestAnimationFrame(render);
  }

  function render() {
    state.frame = 0;
    if (!state.core) return;
    const a = state.core.analyze(body.value, options());
    if (a.error) {
      setStatus(a.error.message, true);
      return;
    }
    state.last = a;
    renderParts(a);
    renderLineBreaks(a);
    renderFit(a);
    renderSavings(a);
    renderSmartChanges(a);
    renderSuggestion(a);
    renderCost();
    renderForm();
  }

  function renderParts(a) {
    const frag = document.createDocumentFragment();
    let k = 0; // next non-GSM character
    const nonGSM = a.nonGSM;
    for (const p of a.parts) {
      const div = document.createElement('div');
      div.className = a.encoding === 'UCS-2' ? 'part ucs2' : 'part';
      const head = document.createElement('header');
      const unit = a.encoding === 'UCS-2' ? 'units' : 'septets';
      head.append(span('Segment ' + (p.index + 1)), span(p.used + '/' + p.capacity + ' ' + unit + ' · ' + p.bits + ' bits'));
      const bar = document.createElement('div');
      bar.className = 'bar';
      const fill = document.createElement('i');
      fill.style.width = Math.min(100, (100 * p.used) / p.capacity).toFixed(1) + '%';
      bar.append(fill);
      const text = document.createElement('p');
      text.className = 'text';
      // Offsets are UTF-16 indices into the analysed body, as is p.text
      // once in JavaScript, so slicing lines them up.
      let pos = p.start;
      while (k < nonGSM.length && nonGSM[k].start < p.end) {
        // One <mark> per run of adjacent characters, so that a body in
        // another script does not become thousands of elements.
        const first = nonGSM[k];
        let end = first.end;
        k++;
        while (k < nonGSM.length && nonGSM[k].start === end && nonGSM[k].start < p.end) end = nonGSM[k++].end;
        if (first.start > pos) text.append(p.text.slice(pos - p.start, first.start - p.start));
        const m = document.createElement('mark');
        m.textContent = p.text.slice(first.start - p.start, end - p.start);
        m.title = 'forces UCS-2 (offset ' + first.start + ')';
        text.append(m);
        pos = end;
      }
      if (pos < p.end) text.append(p.text.slice(pos - p.start));
      div.append(head, bar, text);
      frag.append(div);
    }
    $('parts').replaceChildren(frag);
    renderNonGSM(a);
  }

  // renderNonGSM lists the characters that force UCS-2 once each, with how
  // often and where they occur: positions count characters from 1, as a
  // reader counts them, not UTF-16 offsets.
  function renderNonGSM(a) {
    const el = $('nongsm');
    const n = a.nonGSM.length;
    if (n === 0) {
      el.textContent = 'Every character is GSM-7.';
      return;
    }
    const text = a.savings ? a.savings.body : body.value;
    const pos = characterPositions(text);
    const groups = new Map();
    for (const c of a.nonGSM) {
      const g = groups.get(c.text) || { count: 0, at: [] };
      g.count++;
      g.at.push(pos.get(c.start));
      groups.set(c.text, g);
    }
    const list = document.createElement('ul');
    let shown = 0;
    for (const [ch, g] of groups) {
      if (shown++ === 40) break;
      const li = document.createElement('li');
      const m = document.createElement('mark');
      m.textContent = ch;
      const at = document.createElement('small');
      at.textContent = ' at ' + g.at.slice(0, 8).join(', ') + (g.at.length > 8 ? ' and ' + (g.at.length - 8) + ' more' : '');
      li.append(m, ' ×' + g.count, at);
      list.append(li);
    }
    el.replaceChildren(plural(n, 'character') + (n === 1 ? ' forces' : ' force') + ' UCS-2' +
      (groups.size === n ? ':' : ', ' + groups.size + ' different' + (groups.size > 40 ? ' (the first 40 below)' : '') + ':'), list);
  }

  // characterPositions maps the UTF-16 index where each character (grapheme
  // cluster) of s starts to its position, from 1.
  function characterPositions(s) {
    const m = new Map();
    let i = 1;
    for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) m.set(index, i++);
    return m;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function span(t) {
    const s = document.createElement('span');
    s.textContent = t;
    return s;
  }

  function segs(n) {
    return n + ' segment' + (n === 1 ? '' : 's');
  }

  function compared(m, k) {
    return m === k ? 'the same ' + segs(k) : segs(m) + ' instead of ' + k;
  }

  // renderLineBreaks says what the line breaks cost, as sms.LineBreaks
  // does: a textarea's value holds lone LFs, which an HTML form submits as
  // CR LF, and Twilio bills CR LF as two characters.
  function renderLineBreaks(a) {
    const v = body.value;
    const crlf = (v.match(/\r\n/g) || []).length;
    const lf = (v.match(/\n/g) || []).length - crlf;
    const o = options();
    let text = '';
    if (crlf > 0) {
      const c = state.core.count(v.replace(/\r\n/g, '\n'), o);
      if (!c.error) text = crlf + ' CRLF; with LF: ' + compared(c.segments, a.segments) + ' (Twilio bills CR LF as 2 characters).';
    } else if (lf > 0) {
      const c = state.core.count(v.replace(/\n/g, '\r\n'), o);
      if (!c.error) text = lf + ' LF; as CRLF (an HTML form): ' + compared(c.segments, a.segments) + '.';
    }
    $('linebreaks').textContent = text;
  }

  // renderFit shows where a cut to the number of segments asked for would
  // fall (fit() of the forms module, which loads right after the core).
  function renderFit(a) {
    const el = $('fit');
    const raw = $('fit-n').value.trim();
    if (raw === '') {
      el.textContent = '';
      return;
    }
    if (!state.forms) {
      el.textContent = 'Loading the fitting…';
      return; // renderForms() renders it again once the forms module is in
    }
    const sent = a.savings ? a.savings.body : body.value;
    const r = state.forms.fit(sent, Number(raw), { udh16: $('udh16').checked });
    if (r.error) {
      el.textContent = r.error.message;
      return;
    }
    const n = Number(raw);
    if (!r.cut) {
      el.textContent = 'Fits in ' + segs(n) + ' as it is.';
      return;
    }
    // Ends and starts by code point, so that no surrogate pair is split.
    const tail = Array.from(sent.slice(0, r.kept)).slice(-20).join('');
    const cut = Array.from(sent.slice(r.kept));
    el.replaceChildren('To fit in ' + segs(n) + ': keep “…' + tail + '”, cut ' + r.cutCharacters + ' character' +
      (r.cutCharacters === 1 ? ' ' : 's '), del(cut.slice(0, 20).join('') + (cut.length > 20 ? '…' : '')),
      (r.suffix ? ', add “' + r.suffix + '”' : '') + ': ' + r.encoding + ', ' + segs(r.segments) +
      (r.encoding !== r.before.encoding ? ' (the cut makes it ' + r.encoding + ')' : '') + '.');
  }

  function del(t) {
    const d = document.createElement('del');
    d.textContent = t;
    return d;
  }

  function renderSavings(a) {
    const s = a.savings;
    if (!s) {
      $('savings').textContent = '';
      return;
    }
    const n = s.substitutions.length;
    $('savings').textContent = 'Smart encoding: ' + n + ' substitution' + (n === 1 ? '' : 's') + ', ' +
      s.before.segments + ' → ' + a.segments + ' segment' + (a.segments === 1 ? '' : 's') +
      (s.saved > 0 ? ' (saves ' + s.saved + ')' : '');
  }

  // renderSmartChanges shows the body with what smart encoding removes
  // struck out and what it sends instead marked, and offers the
  // substituted body to copy.
  function renderSmartChanges(a) {
    const box = $('smart-changes');
    const s = a.savings;
    if (!s || s.substitutions.length === 0) {
      box.hidden = true;
      return;
    }
    const v = s.normalized ? body.value.normalize('NFC') : body.value;
    const out = [];
    let pos = 0;
    for (const x of s.substitutions) {
      if (x.start > pos) out.push(v.slice(pos, x.start));
      const d = document.createElement('del');
      d.textContent = x.original;
      out.push(d);
      if (x.replacement) {
        const i = document.createElement('ins');
        i.textContent = x.replacement;
        out.push(i);
      }
      pos = x.end;
    }
    out.push(v.slice(pos));
    $('smart-diff').replaceChildren(...out);
    state.substituted = s.body;
    box.hidden = false;
  }

  function renderSuggestion(a) {
    const btn = $('use-suggestion');
    if (a.nonGSM.length === 0 && !a.savings) {
      // All GSM-7 already: nothing to suggest.
      state.suggestion = null;
      $('suggestion').textContent = '';
      btn.hidden = true;
      return;
    }
    const s = state.core.suggest(body.value, { udh16: $('udh16').checked });
    if (s.error) {
      $('suggestion').textContent = s.error.message;
      btn.hidden = true;
      return;
    }
    state.suggestion = s;
    if (s.body === body.value || s.saved <= 0) {
      const stuck = s.fixes.filter((f) => f.fix === 'none');
      $('suggestion').textContent = stuck.length === 0 ? 'No replacement saves a segment here.' :
        'No cheaper body: ' + stuck.slice(0, 5).map((f) => f.text).join(' ') + (stuck.length > 5 ? ' …' : '') +
        ' ha' + (stuck.length === 1 ? 's' : 've') + ' no GSM-7 replacement, so the message stays UCS-2.';
      btn.hidden = true;
      return;
    }
    $('suggestion').textContent = 'Suggestion: ' + s.before.segments + ' → ' + s.after.segments + ' segment' +
      (s.after.segments === 1 ? '' : 's') + ' (' + s.changes + ' change' + (s.changes === 1 ? '' : 's') + ').';
    btn.hidden = false;
  }

  // Addresses: the forms module checks their syntax at once; the phone
  // module, loaded on first use, adds the number's region and type, and
  // the fields are checked again when it arrives.
  function ensurePhone() {
    if (state.phone) return Promise.resolve(state.phone);
    if (!state.phoneLoading) {
      $('phone-status').textContent = 'Loading number metadata…';
      state.phoneLoading = load('smsgauge-phone.wasm', 'smsgaugePhone').then((api) => {
        state.phone = api;
        $('phone-status').textContent = 'Number metadata loaded.';
        if ($('to').value) checkAddress('to', 'to');
        if ($('from').value) checkAddress('from', 'from');
        return api;
      }, (err) => {
        $('phone-status').textContent = 'Number metadata failed to load: ' + err.message;
        state.phoneLoading = null;
        throw err;
      });
    }
    return state.phoneLoading;
  }

  function checkAddress(id, as) {
    const el = $(id);
    const msg = $(id + '-msg');
    ensurePhone().catch(() => {});
    const api = state.phone || state.forms;
    if (!api) return;
    const v = el.value;
    state.normalised = state.normalised || {};
    delete state.normalised[id];
    delete state.fieldErrors[id];
    if (v === '') {
      msg.textContent = '';
      msg.className = 'msg';
    } else {
      const region = $('region').value.trim().toUpperCase();
      // With a default region, national input is accepted and normalised;
      // without one, only what Twilio accepts as is.
      const r = api.parseAddress(v, { as: as, region: region, lenient: region !== '' });
      if (r.error) {
        msg.textContent = addressMessage(r.error, as === 'to' ? 'To' : 'From', v);
        msg.className = 'msg error';
        state.fieldErrors[id] = msg.textContent;
      } else {
        // The request preview sends what the field shows it normalised to.
        state.normalised[id] = r.value;
        const n = r.number;
        let text = '✓ ' + r.kind.replaceAll('_', ' ') + (r.channel !== 'sms' ? ' on ' + r.channel : '');
        if (r.value !== v) text += ' · ' + r.value;
        if (n) {
          text += ' · ' + (n.region || '?') + ' · ' + n.type.replaceAll('_', ' ');
          if (!n.valid) text += ' · not a number in use';
        }
        msg.textContent = text;
        msg.className = n && !n.valid ? 'msg error' : 'msg ok';
        // The cost defaults to the country of the recipient.
        if (id === 'to' && n && n.region && !state.countryChosen) {
          $('country').value = n.region;
          renderCost();
        }
      }
    }
    renderForm();
  }

  // addressMessage says an address error in the page's words: the field
  // and the value once, and, for a national number, the field that reads it.
  function addressMessage(e, field, value) {
    let text = e.code === 'missing_plus' ?
      field + ' ' + JSON.stringify(value) + ': a national number: enter its country in Default region (such as US), or write it with + and the country code' :
      words(e.message);
    if (e.twilioCode) text += ' (Twilio error ' + e.twilioCode + ')';
    return text;
  }

  // words drops the library's "sms: " prefixes from a message.
  function words(message) {
    return message.replace(/^sms: /, '').replaceAll(': sms: ', ': ');
  }

  function renderForm() {
    const api = state.forms;
    if (!api) {
      $('form').textContent = '(enter To and From to see the request)';
      return;
    }
    const params = { Body: body.value };
    const norm = state.normalised || {};
    if ($('to').value) params.To = norm.to || $('to').value;
    if ($('from').value) params.From = norm.from || $('from').value;
    if ($('smart').checked) params.SmartEncoded = true;
    const r = api.buildCreateForm(params);
    const list = $('form-problems');
    list.replaceChildren();
    if (r.error) {
      $('form').textContent = '';
      const li = document.createElement('li');
      li.textContent = r.error.message;
      list.append(li);
      return;
    }
    $('form').textContent = r.form || '(not valid yet: see below)';
    state.form = r.form || '';
    $('copy-form').disabled = !r.form;
    for (const e of r.errors || []) {
      const li = document.createElement('li');
      // An address the field already explains is said the same way here.
      const field = state.fieldErrors[(e.param || '').toLowerCase()];
      li.textContent = field && (e.param === 'To' || e.param === 'From') ? field : words(e.message);
      list.append(li);
    }
    for (const w of r.warnings || []) {
      const li = document.createElement('li');
      li.className = 'warning';
      li.textContent = words(w.message);
      list.append(li);
    }
  }

  for (const [id, as] of [['to', 'to'], ['from', 'from']]) {
    $(id).addEventListener('focus', () => ensurePhone().catch(() => {}));
    $(id).addEventListener('input', () => checkAddress(id, as));
  }
  $('region').addEventListener('input', () => {
    if ($('to').value) checkAddress('to', 'to');
    if ($('from').value) checkAddress('from', 'from');
  });
  body.addEventListener('input', update);
  $('smart').addEventListener('change', update);
  $('udh16').addEventListener('change', update);
  $('fit-n').addEventListener('input', update);
  $('use-suggestion').addEventListener('click', () => {
    const s = state.suggestion;
    if (!s) return;
    body.value = s.body;
    update();
  });

  // Cost. Prices are decimal strings (Twilio's pricing gives "0.0079"); the
  // arithmetic is on BigInt with the price's own number of decimals, so a
  // total is exact: 3 × 0.1 is 0.3, never 0.30000000000000004.
  function decimal(s) {
    const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(s || '');
    if (!m || m[1] + (m[2] || '') === '') return null;
    const frac = m[2] || '';
    return { n: BigInt(m[1] + frac), scale: frac.length };
  }

  const atScale = (d, scale) => d.n * 10n ** BigInt(scale - d.scale);
  const times = (d, k) => ({ n: d.n * BigInt(k), scale: d.scale });
  const minus = (a, b) => {
    const scale = Math.max(a.scale, b.scale);
    return { n: atScale(a, scale) - atScale(b, scale), scale };
  };
  const greater = (a, b) => minus(a, b).n > 0n;

  // money writes d with at least two decimals: 0.0237, 12.50.
  function money(d) {
    const scale = Math.max(d.scale, 2);
    const digits = atScale(d, scale).toString().padStart(scale + 1, '0');
    return digits.slice(0, -scale) + '.' + digits.slice(-scale);
  }

  // parsePricing reads Messaging Countries documents: one, a JSON array of
  // them, or several one after another (as the batch command reads them).
  function parsePricing(text, docs) {
    text = text.trim();
    if (text.startsWith('[')) {
      docs.push(...JSON.parse(text));
      return;
    }
    let depth = 0, start = 0, quoted = false, escaped = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        docs.push(JSON.parse(text.slice(start, i + 1)));
        start = i + 1;
      }
    }
    if (text.slice(start).trim() !== '') JSON.parse(text.slice(start)); // throws the syntax error
  }

  // loadPricing replaces the pricing with the documents of files.
  async function loadPricing(files) {
    const status = $('pricing-status');
    const docs = [];
    try {
      for (const f of files) {
        try {
          parsePricing(await f.text(), docs);
        } catch (err) {
          throw new Error(f.name + ': not a pricing file (' + err.message + ')');
        }
      }
      const countries = new Map();
      let unit = '';
      for (const d of docs) {
        const iso = String(d.iso_country || '').toUpperCase();
        if (!/^[A-Z]{2}$/.test(iso)) throw new Error('iso_country ' + JSON.stringify(d.iso_country) + ' is not a two-letter country code');
        const u = String(d.price_unit || '').toUpperCase();
        if (!u) throw new Error(iso + ': no price_unit');
        if (unit && u !== unit) throw new Error(iso + ': prices in ' + u + ', others in ' + unit + ': one file set, one currency');
        unit = u;
        countries.set(iso, d);
      }
      if (countries.size === 0) throw new Error('no pricing document in ' + files.map((f) => f.name).join(', '));
      state.pricing = { unit, countries };
      const list = $('countries');
      list.replaceChildren(...[...countries.keys()].sort().map((iso) => {
        const o = document.createElement('option');
        o.value = iso;
        o.label = countries.get(iso).country || iso;
        return o;
      }));
      status.className = 'note';
      status.textContent = 'Pricing loaded: ' + countries.size + (countries.size === 1 ? ' country' : ' countries') + ' (' + [...countries.keys()].sort().join(', ') + '), prices in ' + unit + '.';
    } catch (err) {
      status.className = 'note error-text';
      status.textContent = 'Could not load the pricing: ' + err.message;
    }
    renderCost();
  }

  // price returns {price, unit, source} for the cost, or {problem}.
  function price() {
    const typed = $('price').value.trim();
    const unit = state.pricing ? state.pricing.unit : '';
    if (typed !== '') {
      const d = decimal(typed);
      if (!d) return { problem: 'Price per segment: write a decimal number such as 0.0079.' };
      return { price: d, unit, source: 'as typed' };
    }
    if (!state.pricing) return { problem: 'Load a Twilio pricing file or type a price per segment to see the cost.' };
    const iso = $('country').value.trim().toUpperCase();
    const covered = [...state.pricing.countries.keys()].sort().join(', ');
    if (iso === '') return { problem: 'Choose a country: the pricing covers ' + covered + '.' };
    const doc = state.pricing.countries.get(iso);
    if (!doc) return { problem: 'No price for ' + iso + ' in the loaded pricing (it covers ' + covered + ').' };
    const type = $('number-type').value;
    let best = null;
    for (const carrier of doc.outbound_sms_prices || []) {
      for (const p of carrier.prices || []) {
        const d = p.number_type === type ? decimal(p.current_price) : null;
        if (d && (!best || greater(d, best))) best = d;
      }
    }
    if (!best) return { problem: (doc.country || iso) + ' has no price for ' + type + ' senders in the loaded pricing.' };
    return { price: best, unit, source: (doc.country || iso) + ' (' + iso + '), ' + type + ' sender, highest carrier price' };
  }

  function renderCost() {
    const typedEl = $('cost-typed'), smartEl = $('cost-smart'), head = $('cost-head');
    if (!state.core) return;
    const p = price();
    if (p.problem) {
      $('price-source').textContent = p.problem;
      typedEl.textContent = smartEl.textContent = '';
      head.textContent = '—';
      return;
    }
    const unit = p.unit ? ' ' + p.unit : '';
    $('price-source').textContent = money(p.price) + unit + ' per segment: ' + p.source + '.';
    const o = { udh16: $('udh16').checked };
    const asTyped = state.core.count(body.value, o);
    const smart = state.core.count(body.value, { smart: true, udh16: o.udh16 });
    if (asTyped.error || smart.error) return;
    const cost = (c) => times(p.price, c.segments);
    const line = (el, label, c, extra) => {
      const b = document.createElement('b');
      b.textContent = money(cost(c)) + unit;
      el.replaceChildren(label + ': ' + plural(c.segments, 'segment') + ' × ' + money(p.price) + unit + ' = ', b, extra || '');
    };
    line(typedEl, 'As typed', asTyped);
    const saved = minus(cost(asTyped), cost(smart));
    line(smartEl, 'Smart-encoded', smart, saved.n > 0n ? ' (' + money(saved) + unit + ' less)' : '');
    head.textContent = money(cost($('smart').checked ? smart : asTyped)) + unit;
  }

  // copy puts text on the clipboard and says so next to the buttons.
  async function copy(text, what) {
    const status = $('copy-status');
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied ' + what + '.';
    } catch (err) {
      status.textContent = 'Could not copy: ' + err.message;
    }
  }

  $('copy-form').addEventListener('click', () => copy(state.form || '', 'the form body'));
  $('copy-smart').addEventListener('click', () => copy(state.substituted || '', 'the substituted body'));
  $('country').addEventListener('input', () => {
    state.countryChosen = $('country').value.trim() !== '';
    renderCost();
  });
  $('price').addEventListener('input', renderCost);
  $('number-type').addEventListener('change', renderCost);
  $('pricing-file').addEventListener('change', (e) => {
    loadPricing([...e.target.files]);
    e.target.value = ''; // so that choosing the same file again loads it again
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length > 0) loadPricing([...e.dataTransfer.files]);
  });

  // flush renders now what would otherwise wait for the next frame; the
  // end-to-end test uses it to read the page without waiting.
  globalThis.smsgaugePage = {
    flush() {
      if (state.frame) cancelAnimationFrame(state.frame);
      render();
    },
    ensurePhone,
    // count through the fast exports, or null before the module loads.
    fastCount: (s, o) => (state.fastCount ? state.fastCount(s, o || {}) : null),
  };

  load('smsgauge-core.wasm', 'smsgauge', true).then(({ api, exports }) => {
    state.core = api;
    state.fastCount = fastCounter(exports);
    body.disabled = false;
    setStatus(READY);
    update();
    // The forms module follows at once, in the background: addresses and
    // the request preview work before any number metadata loads.
    return load('smsgauge-forms.wasm', 'smsgaugeForms').then((forms) => {
      state.forms = forms;
      if ($('to').value) checkAddress('to', 'to');
      if ($('from').value) checkAddress('from', 'from');
      renderForm();
      if (state.last) renderFit(state.last);
    }, (err) => setStatus('Could not load the forms module: ' + err.message, true));
  }, (err) => setStatus('Could not load the WebAssembly module: ' + err.message, true));
})();
