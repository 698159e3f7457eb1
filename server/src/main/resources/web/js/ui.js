// Small DOM helpers shared by the pages. Everything a user or the server wrote is put into the page
// as text (never as HTML), so a patient called "<script>" stays a name.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'style') el.style.cssText = String(v); // CSSOM: allowed by the strict Content-Security-Policy
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

let idSeq = 0;
export const uid = (p) => `${p}-${++idSeq}`;

// ---------- numbers with units ----------

/** Formats a number for people: grouped thousands, sensible decimals; '—' when absent. */
export function num(v, digits) {
  if (v === undefined || v === null || v === '' || Number.isNaN(Number(v))) return '—';
  const n = Number(v);
  const d = digits !== undefined ? digits : (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
  return n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

/** Units as people write them, one notation everywhere: 10^9/L becomes ×10⁹/L, /uL becomes /µL. */
export const unitText = (u) => String(u ?? '')
  .replace(/[x×]?\s?10\^(-?\d+)/g, (_, e) => `×10${String(e).replace(/-/g, '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d])}`)
  .replace(/\/uL\b/g, '/µL');

/** A value with its unit as one element; the unit is always shown. */
export function qty(v, unit, digits) {
  return h('span', { class: 'num' }, num(v, digits), v === null || v === undefined ? null : h('span', { class: 'unit' }, ' ' + unitText(unit)));
}

export function kpi(label, v, unit, note, digits) {
  return h('div', { class: 'kpi' },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, num(v, digits), v === null || v === undefined ? null : h('span', { class: 'unit' }, ' ' + unitText(unit))),
    note ? h('div', { class: 'note' }, note) : null);
}

/** A figure that is words, not a number (a target as ordered). */
export function kpiText(labelText, text, note) {
  return h('div', { class: 'kpi' }, h('div', { class: 'label' }, labelText), h('div', { class: 'value value-text' }, text),
    note ? h('div', { class: 'note' }, note) : null);
}

export function chip(status, text) {
  const s = String(status || 'unknown').toLowerCase().replace(/[_\s]+/g, '-');
  return h('span', { class: `chip chip-${s}` }, text || label(status));
}

export function label(code) {
  if (code === undefined || code === null) return '';
  const s = String(code).replace(/[_-]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n) => String(n).padStart(2, '0');
const asDate = (iso) => { const d = new Date(iso); return Number.isNaN(d.getTime()) ? null : d; };

/** "14:05": the unit's one convention, 24-hour, local time. */
export function time(iso) {
  if (!iso) return '—';
  const d = asDate(iso);
  return d ? `${two(d.getHours())}:${two(d.getMinutes())}` : String(iso);
}

/** "01 Dec 2026, 14:05". */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = asDate(iso);
  return d ? `${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${time(iso)}` : String(iso);
}

/** "01 Dec 2026" (a date alone is read as that day, not as midnight UTC). */
export function date(iso) {
  if (!iso) return '—';
  const d = asDate(iso.length === 10 ? iso + 'T00:00:00' : iso);
  return d ? `${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()}` : String(iso);
}

/** "Tue 01 Dec". */
export function dayLabel(isoDate) {
  const d = asDate(isoDate + 'T00:00:00');
  return d ? `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]} ${two(d.getDate())} ${MONTHS[d.getMonth()]}` : isoDate;
}

/** The local date and an "hh:mm" as an ISO instant, or null when either is not a real date or time. */
export function instantOf(isoDate, hhmm) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate || '') || !/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm || '')) return null;
  const d = new Date(`${isoDate}T${hhmm}:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function ageYears(birthDate) {
  if (!birthDate) return null;
  const b = new Date(birthDate + 'T00:00:00');
  const now = new Date();
  let a = now.getFullYear() - b.getFullYear();
  const m = now.getMonth() - b.getMonth();
  if (m < 0 || (m === 0 && now.getDate() < b.getDate())) a--;
  return a;
}

/** "2026-12-01": the local date of a Date or an instant (null when it is not one). */
export function localDate(x) {
  const d = x instanceof Date ? x : asDate(x);
  return d ? `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}` : null;
}

/** The ISO date {@code n} days after (or before) {@code isoDate}, in local days. */
export function addDays(isoDate, n) {
  const d = new Date(`${isoDate}T00:00:00`);
  d.setDate(d.getDate() + n);
  return localDate(d);
}

/** "2026-12-01T14:05": now, local. */
export function localIsoNow() {
  const d = new Date();
  return `${localDate(d)}T${time(d)}`;
}

export function todayIso() { return localDate(new Date()); }

// ---------- form fields ----------

/**
 * A labelled input. `name` is the API field path (e.g. "procedure.plasmaVolumes"); a 422 problem
 * with that field lands in this field's error slot.
 */
export function field(o) {
  const id = o.id || uid('f');
  const errId = id + '-error';
  const hintId = o.hint ? id + '-hint' : null;
  let control;
  const common = { id, name: o.name, 'aria-describedby': [hintId, errId].filter(Boolean).join(' '),
    dataset: { field: o.name }, required: o.required || null, autocomplete: o.autocomplete || 'off',
    maxlength: o.type === 'select' || o.type === 'number' || o.type === 'date' ? null : (o.maxlength || maxLength(o.name, o.type)) };
  if (o.type === 'select') {
    control = h('select', common, (o.options || []).map((opt) => {
      const [value, text] = Array.isArray(opt) ? opt : [opt.value, opt.text];
      return h('option', { value, selected: String(value) === String(o.value ?? '') || null }, text);
    }));
  } else if (o.type === 'textarea') {
    control = h('textarea', { ...common, rows: o.rows || 3, placeholder: o.placeholder }, o.value ?? '');
  } else {
    control = h('input', { ...common, type: o.type || 'text', value: o.value ?? '', step: o.step || (o.type === 'number' ? 'any' : null),
      min: o.min, max: o.max, placeholder: o.placeholder, inputmode: o.type === 'number' ? 'decimal' : null,
      autofocus: o.autofocus || null });
  }
  if (o.oninput) control.addEventListener('input', o.oninput);
  if (o.onchange) control.addEventListener('change', o.onchange);
  return h('div', { class: 'field' + (o.span ? ' span-2' : '') },
    h('label', { for: id }, o.label, o.unit ? h('span', { class: 'sr-only' }, ` in ${o.unit}`) : null),
    h('div', { class: 'input-wrap' }, control, o.unit ? h('span', { class: 'suffix', 'aria-hidden': 'true' }, o.unit) : null),
    o.hint ? h('span', { class: 'hint', id: hintId }, o.hint) : null,
    h('p', { class: 'field-error', id: errId, role: 'alert' }));
}

// The longest text the server takes for each field (the same numbers as its readers): an input never takes more,
// so a pasted 5 MB name is cut at the field, not refused as a body too large.
const MAX_LENGTH = { mrn: 64, username: 64, givenName: 200, familyName: 200, displayName: 200, payer: 200, memberId: 100,
  name: 100, model: 100, serial: 100, machine: 100, chair: 100, nurse: 100, site: 200, placedBy: 200,
  'indication.code': 20, 'indication.text': 500, reason: 1000, actionTaken: 1000, problems: 1000, notes: 2000, text: 4000,
  allergies: 2000, medications: 4000, time: 5, date: 10 };
function maxLength(name, type) {
  const key = String(name || '').split('.').pop();
  return MAX_LENGTH[name] || MAX_LENGTH[key] || (type === 'textarea' ? 1000 : type === 'password' ? 200 : 200);
}

/** A 24-hour time input ("hh:mm"): the unit's one convention, whatever the browser's language. */
export function timeField(o) {
  return field({ ...o, type: 'text', placeholder: 'hh:mm', maxlength: 5, hint: o.hint || '24-hour' });
}

/** An ISO date input ("YYYY-MM-DD"), the same in every browser. */
export function dateField(o) {
  return field({ ...o, type: 'text', placeholder: 'YYYY-MM-DD', maxlength: 10, hint: o.hint || 'YYYY-MM-DD' });
}

/**
 * A moment as the unit writes it: an ISO date and a 24-hour time, named `${name}.date` and `${name}.time`; a 422
 * problem of `name` lands on the date. Read it back with {@link whenValue}.
 */
export function whenFields(o) {
  const d = o.value ? asDate(o.value) : null;
  return [dateField({ name: `${o.name}.date`, label: `${o.label}: date`, value: d ? localDate(d) : '', required: o.required, id: o.id }),
    timeField({ name: `${o.name}.time`, label: `${o.label}: time`, value: d ? time(d) : '', required: o.required })];
}

/** The instant of {@link whenFields} in a form's values, undefined when both are empty, the typed text otherwise. */
export function whenValue(v, name) {
  const date = v[`${name}.date`];
  const hhmm = v[`${name}.time`];
  if (!date && !hhmm) return undefined;
  return instantOf(date, hhmm) || `${date || ''}T${hhmm || ''}`;
}

export function checkbox(o) {
  const id = o.id || uid('c');
  return h('div', { class: 'field' },
    h('label', { class: 'check', for: id },
      h('input', { type: 'checkbox', id, name: o.name, dataset: { field: o.name }, checked: o.checked, 'aria-describedby': id + '-error' }), o.label),
    h('p', { class: 'field-error', id: id + '-error', role: 'alert' }));
}

/**
 * Reads a form into a flat {name: value} map; numbers stay text until the caller converts them. Text is
 * trimmed, except a password: a space is part of it, and the server takes it exactly as typed.
 */
export function values(form) {
  const out = {};
  for (const el of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    out[el.name] = el.type === 'checkbox' ? el.checked : el.type === 'password' ? el.value : el.value.trim();
  }
  return out;
}

/** "12.5" -> 12.5, "" -> undefined; anything else stays text so the server names the field. */
export function toNumber(s) {
  if (s === undefined || s === null || s === '') return undefined;
  const n = Number(String(s).replace(',', '.'));
  return Number.isFinite(n) ? n : s;
}

export function clearProblems(root) {
  root.querySelectorAll('.field.invalid').forEach((f) => f.classList.remove('invalid'));
  root.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  root.querySelectorAll('.form-errors').forEach((e) => clear(e));
}

/**
 * Puts each problem beside its input (matching data-field exactly, then by the last path segment);
 * problems with no input go into the form's .form-errors box. Nothing the user typed is touched.
 * Returns the first input that got an error, focused, so the keyboard user lands on it.
 */
export function showProblems(root, err, aliases, opts = {}) {
  clearProblems(root);
  const problems = err.problems && err.problems.length ? err.problems
    : [{ field: null, message: err.message }];
  const leftovers = [];
  let first = null;
  for (const p of problems) {
    const input = findInput(root, p.field, aliases);
    const msg = p.message || p.reason || p.key || 'is not valid';
    if (input) {
      const fieldEl = input.closest('.field');
      fieldEl.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      const slot = fieldEl.querySelector('.field-error');
      // a range without its unit ("4000 is outside 0.4..350") gets the field's unit ("… 350 kg")
      const suffix = fieldEl.querySelector('.suffix');
      const unit = suffix ? suffix.textContent.trim() : '';
      const text = unit && /\d\.\.\d/.test(msg) && !msg.includes(unit) ? `${msg} ${unit}` : msg;
      slot.textContent = slot.textContent ? slot.textContent + ' ' + text : text;
      first = first || input;
    } else {
      leftovers.push(p.field ? `${p.field}: ${msg}` : msg);
    }
  }
  const box = root.querySelector('.form-errors');
  if (leftovers.length && opts.leftovers !== false) {
    const target = box || root;
    const alert = h('div', { class: 'alert alert-danger', role: 'alert' },
      h('h4', {}, err.status === 422 || err.status === 400 ? 'Please correct the following' : (err.message || 'Something went wrong')),
      h('ul', {}, leftovers.map((t) => h('li', {}, t))));
    if (box) box.append(alert); else target.prepend(alert);
  }
  if (first && opts.focus !== false) first.focus();
  return first;
}

function findInput(root, fieldPath, aliases) {
  if (!fieldPath) return null;
  const candidates = [fieldPath];
  if (aliases && aliases[fieldPath]) candidates.unshift(aliases[fieldPath]);
  const segs = String(fieldPath).replace(/\[\d+\]/g, '').split('.');
  for (let i = 1; i < segs.length; i++) candidates.push(segs.slice(i).join('.'));
  for (const c of candidates) {
    const el = root.querySelector(`[data-field="${CSS.escape(c)}"]`);
    if (el) return el;
  }
  return null;
}

export function toast(text) {
  document.querySelectorAll('.toast').forEach((old) => old.remove());
  const t = h('div', { class: 'toast', role: 'status' }, text);
  document.body.append(t);
  setTimeout(() => t.remove(), 3500);
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

export function errorPanel(err) {
  const msg = err.status === 403 ? 'Your role does not allow this.' : err.status === 404 ? 'Not found.' : err.message;
  return h('div', { class: 'alert alert-danger', role: 'alert' }, h('h4', {}, 'Could not load this page'), h('p', {}, msg));
}

// ---------- plan pieces shared by order, plan and run sheet ----------

const SEVERITY_CLASS = { danger: 'alert-danger', high: 'alert-danger', severe: 'alert-danger', warning: 'alert-warning', medium: 'alert-warning', moderate: 'alert-warning', info: 'alert-info', low: 'alert-info' };
const SEVERITY_RANK = { danger: 0, high: 0, severe: 0, warning: 1, medium: 1, moderate: 1, info: 2, low: 2 };

const SEVERITY_NAME = { danger: 'Danger', warning: 'Warning', info: 'For information' };
let warningTitles = {};
/** Called once the catalogue is loaded: the titles of the warning codes. */
export function setWarningTitles(titles) { warningTitles = titles || {}; }
/** The title staff read for a warning code ("DLI GVHD risk", not "Dli gvhd risk"). */
export const warningTitle = (code) => warningTitles[code] || label(code);

export function warningList(warnings) {
  if (!warnings || !warnings.length) return h('div', { class: 'alert alert-ok' }, h('p', {}, 'No warnings for this plan.'));
  return h('div', {}, [...warnings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3)).map((w) =>
    h('div', { class: `alert ${SEVERITY_CLASS[w.severity] || 'alert-info'}`, dataset: { code: w.code } },
      h('h4', {}, `${SEVERITY_NAME[w.severity] || label(w.severity)}: ${warningTitle(w.code)}`),
      h('p', {}, w.message),
      h('span', { class: 'code' }, w.code))));
}

export function assumptionList(assumptions) {
  return h('details', {}, h('summary', {}, `Assumptions and sources (${(assumptions || []).length})`),
    h('ol', { class: 'assumptions' }, (assumptions || []).map((a) => {
      const unverified = /UNVERIFIED/.test(a);
      return h('li', {}, unverified ? h('span', { class: 'unverified' }, 'Unverified · ') : null, a);
    })));
}

const ANALYTES = {
  igg: 'IgG', igm: 'IgM', fibrinogen: 'Fibrinogen', albumin: 'Albumin', platelets: 'Platelets', hematocrit: 'Haematocrit',
  ionizedCalcium: 'Ionised calcium', wbc: 'White cells', cd34: 'CD34+', cd3: 'CD3+', neutrophils: 'Neutrophils',
};
export const analyteName = (k) => ANALYTES[k] || label(k);

export function predictedTable(predicted) {
  const rows = Object.entries(predicted || {});
  if (!rows.length) return h('p', { class: 'empty' }, 'No predicted values (no pre-procedure labs given).');
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, 'Analyte'), h('th', { class: 'r' }, 'Before'), h('th', { class: 'r' }, 'After'), h('th', { class: 'r' }, 'Change'))),
    h('tbody', {}, rows.map(([k, v]) => h('tr', {},
      h('td', {}, analyteName(k)),
      h('td', { class: 'r' }, qty(v.pre, v.unit)),
      h('td', { class: 'r' }, v.nadir !== undefined && v.nadir !== null ? h('span', {}, qty(v.nadir, v.unit), h('span', { class: 'unit' }, ' lowest')) : qty(v.post, v.unit)),
      h('td', { class: 'r' }, v.changePercent === undefined || v.changePercent === null ? '—' : qty(v.changePercent, '%', 0))))));
}

export function planKpis(plan) {
  if (plan.infusion) { // IVIG: no separator, no anticoagulant
    return h('div', { class: 'kpis' },
      kpi('Infusion time, day 1', plan.durationMin, 'min', null, 0),
      kpi('Blood volume', plan.bloodVolumeMl, 'mL', plan.bloodVolumeMethod ? label(plan.bloodVolumeMethod) : null, 0),
      kpi('Plasma volume', plan.plasmaVolumeMl, 'mL', null, 0));
  }
  const ac = plan.anticoagulant || {};
  const rep = plan.replacement || {};
  const ecp = plan.photopheresis;
  const col = plan.column;
  const course = plan.treatmentSchedule;
  return h('div', { class: 'kpis' },
    kpi('Run time', plan.durationMin, 'min', null, 0),
    kpi('Blood volume', plan.bloodVolumeMl, 'mL', plan.bloodVolumeMethod ? label(plan.bloodVolumeMethod) : null, 0),
    plan.procedureType === 'plasma-exchange' || plan.exchangeVolumeMl != null ? kpi('Plasma volume', plan.plasmaVolumeMl, 'mL', null, 0) : null,
    plan.exchangeVolumeMl != null ? kpi('Exchange volume', plan.exchangeVolumeMl, 'mL', plan.plasmaVolumesExchanged != null ? `${num(plan.plasmaVolumesExchanged)} plasma volumes` : null, 0) : null,
    kpi('Blood processed', plan.processedVolumeMl, 'mL', plan.bloodVolumesProcessed != null ? `${num(plan.bloodVolumesProcessed)} blood volumes` : null, 0),
    kpi('Inlet flow', plan.inletFlowMlPerMin, 'mL/min', plan.acFlowMlPerMin != null ? `AC ${num(plan.acFlowMlPerMin)} mL/min` : null),
    kpi('ACD-A used', ac.volumeMl, 'mL', ac.acRatio ? `ratio ${ac.acRatio}:1 · ${num(ac.toPatientMl, 0)} mL to patient` : null, 0),
    kpi('Citrate to patient', ac.citrateMgPerKgPerMin, 'mg/kg/min', null, 2),
    ecp ? kpi('Treatment volume', ecp.treatmentVolumeMl, 'mL', `${ecp.method} · UVA ${ecp.uvaDoseJPerCm2 != null ? `${num(ecp.uvaDoseJPerCm2)} J/cm²` : 'set by the device'}`, 0) : null,
    ecp ? kpi('Methoxsalen (UVADEX)', ecp.methoxsalenMl, 'mL', `${num(ecp.methoxsalenMicrograms)} µg · ${ecp.methoxsalenVials} vial${ecp.methoxsalenVials === 1 ? '' : 's'} of 10 mL`, 1) : null,
    col ? kpi(col.plasmaVolumesProcessed != null ? 'Plasma through the column' : 'Blood through the column', col.processedMl, 'mL', `${num(col.flowMlPerMin)} mL/min${col.plasmaVolumesProcessed != null ? ` · ${num(col.plasmaVolumesProcessed)} plasma volumes` : ''}`, 0) : null,
    col && col.iggRemovedGrams != null ? kpi('IgG removed', col.iggRemovedGrams, 'g', `column ${num(col.iggRemovalPercentPerPass)} % per pass`, 1) : null,
    col && col.granulocytesAdsorbed != null ? kpi('Granulocytes adsorbed', col.granulocytesAdsorbed / 1e9, '10^9', col.lymphocytesAdsorbed != null ? `lymphocytes ${num(col.lymphocytesAdsorbed / 1e9, 2)} ×10^9` : null, 2) : null,
    course ? kpi('Course', course.sessions, 'treatments', `over ${num(course.sessionDays[course.sessionDays.length - 1] + 1, 0)} days · ${course.regimen}`, 0) : null,
    rep.redCellsMl != null ? kpi('Donor red cells', rep.redCellsMl, 'mL', `${rep.redCellUnits} units of ${num(rep.redCellUnitVolumeMl, 0)} mL at Hct ${num(rep.redCellHematocritPercent)} %${rep.depletionFluidMl ? ` · depletion fluid ${num(rep.depletionFluidMl, 0)} mL` : ''}`, 0) : null,
    rep.albuminMl != null && rep.redCellsMl == null ? kpi('Albumin 5 %', rep.albuminMl, 'mL', rep.albuminGrams != null ? `${num(rep.albuminGrams)} g${rep.albuminVials12p5g != null ? ` · ${rep.albuminVials12p5g} vials of 12.5 g` : ''}` : null, 0) : null,
    rep.plasmaMl ? kpi('Donor plasma', rep.plasmaMl, 'mL', rep.plasmaUnits250Ml != null ? `${rep.plasmaUnits250Ml} units of 250 mL` : null, 0) : null,
    rep.calciumGluconate10PercentMl ? Object.assign(kpi('Calcium prophylaxis', rep.calciumGluconate10PercentMl, 'mL',
      `10 % calcium gluconate added to the albumin${rep.elementalCalciumMg != null ? ` · ${num(rep.elementalCalciumMg, 0)} mg elemental calcium` : ''}`, 0), { id: 'calcium-prophylaxis' }) : null,
    kpi('Extracorporeal volume', plan.extracorporealVolumeMl, 'mL', plan.extracorporealPercentOfBloodVolume != null ? `${num(plan.extracorporealPercentOfBloodVolume)} % of blood volume` : null, 0),
    plan.fluidBalance ? kpi('Net fluid balance', plan.fluidBalance.netMl, 'mL', 'replacement + AC − removed', 0) : null);
}
