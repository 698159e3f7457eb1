// The run sheet at the chair, fitted to the procedure: a plasma exchange records plasma removed and replacement,
// a leukocytapheresis the white count before and after against its target, a collection the collect flow and
// volume and, at the end, the product's volume and cells against the target, an IVIG infusion the volume given.
// Start (acknowledging warnings), quick entry (large targets; Enter saves; a form keeps what was typed when the
// server says no), the vascular access, timed and signed nursing notes, complete (after seeing what is missing)
// or abort, and plan versus actual. Prints as the session summary.
import { get, post } from '../api.js';
import { h, clear, chip, time, date, dateTime, field, timeField, dateField, localDate, instantOf, checkbox, values, toNumber, showProblems, clearProblems, toast, label, num, qty, kpi, kpiText, warningList, warningTitle, unitText } from '../ui.js';
import { lineChart } from '../chart.js';
import { procedureName, enrichSessions, labCatalog, onCallMarker } from './common.js';
import { productPanel } from './product-new.js';

const FLOWS = {
  inlet: ['inletFlowMlPerMin', 'Inlet flow', 'mL/min'],
  ac: ['acFlowMlPerMin', 'AC flow', 'mL/min'],
  processed: ['processedVolumeMl', 'Blood processed', 'mL'],
  acVolume: ['acVolumeMl', 'AC used', 'mL'],
  balance: ['fluidBalanceMl', 'Fluid balance (machine)', 'mL'],
};
/** The run-value fields of a procedure type, as its staff name them (the API fields are the same for all). */
function runFields(type) {
  if (type === 'plasma-exchange') {
    return [FLOWS.inlet, FLOWS.ac, ['removalFlowMlPerMin', 'Plasma removal flow', 'mL/min'], ['replacementFlowMlPerMin', 'Replacement flow', 'mL/min'],
      FLOWS.processed, FLOWS.acVolume, ['removedVolumeMl', 'Plasma removed', 'mL'], ['replacementVolumeMl', 'Replacement given', 'mL'], FLOWS.balance];
  }
  if (type === 'ivig-infusion') return [];
  // a cell procedure: the separator's collect line carries the cells out
  return [FLOWS.inlet, FLOWS.ac, ['removalFlowMlPerMin', 'Collect flow', 'mL/min'], FLOWS.processed, FLOWS.acVolume,
    ['removedVolumeMl', 'Collect volume', 'mL'], FLOWS.balance];
}
const VITAL_FIELDS = [
  ['systolicMmHg', 'Systolic BP', 'mmHg'], ['diastolicMmHg', 'Diastolic BP', 'mmHg'], ['pulsePerMin', 'Pulse', '/min'],
  ['spo2Percent', 'SpO₂', '%'], ['temperatureC', 'Temperature', '°C'],
];
/** The product measurements a collection's staff record (the bag's counts). */
function productFields(type) {
  const common = [['volumeMl', 'Product volume', 'mL'], ['wbcE9PerL', 'White cells', unitText('10^9/L')], ['hematocritPercent', 'Haematocrit of the product', '%']];
  if (type === 'hpc-collection') return [common[0], ['cd34PerUl', 'CD34+ cells', '/µL'], common[1], common[2]];
  if (type === 'lymphocyte-collection') return [common[0], ['cd3PerUl', 'CD3+ cells', '/µL'], common[1], common[2]];
  if (type === 'granulocyte-collection') return [common[0], ['neutrophilsE9PerL', 'Neutrophils', unitText('10^9/L')], common[1], common[2]];
  return [];
}
/** The labs a procedure's staff take before and after (field names of the record's labs). */
const SESSION_LABS = {
  'plasma-exchange': ['iggGPerL', 'fibrinogenGPerL', 'plateletsE9PerL', 'ionizedCalciumMmolPerL', 'hematocritPercent', 'albuminGPerL'],
  leukocytapheresis: ['wbcE9PerL', 'plateletsE9PerL', 'hematocritPercent', 'ionizedCalciumMmolPerL'],
  'hpc-collection': ['cd34PerUl', 'wbcE9PerL', 'plateletsE9PerL', 'hematocritPercent', 'ionizedCalciumMmolPerL'],
  'lymphocyte-collection': ['cd3PerUl', 'lymphocytesE9PerL', 'plateletsE9PerL', 'hematocritPercent'],
  'granulocyte-collection': ['neutrophilsE9PerL', 'wbcE9PerL', 'plateletsE9PerL', 'hematocritPercent'],
  'ivig-infusion': ['iggGPerL'],
};

/** Options of a catalogue given as {code: description}: the code's label with its description. */
function describedOptions(byCode) {
  return Object.entries(byCode).map(([code, d]) => [code, `${label(code)} — ${d}`.replace(/^(.+) — \1/i, '$1')]);
}

export async function render(main, ctx, [sessionId]) {
  const role = ctx.me.role;
  const canRun = ctx.can.runSession(role);
  const [rec, catalog, nurses, printSettings] = await Promise.all([
    ctx.can.readRecord(role) ? get(`/api/sessions/${encodeURIComponent(sessionId)}/record`)
      : get(`/api/sessions/${encodeURIComponent(sessionId)}`).then((s) => ({ session: s })),
    ctx.loadCatalog(),
    get('/api/staff?role=nurse').catch(() => []),
    // the unit's paper: the summary's PDF link prints on it, the other size beside it
    ctx.can.readRecord(role) ? get('/api/print-settings') : null,
  ]);
  const s = rec.session;
  await enrichSessions([s]);
  const person = await get(`/api/patients/${encodeURIComponent(s.patientId)}`);
  const type = s.procedureType;
  const order = s.order || {};
  const plan = rec.plan || order.plan || {};
  const reload = () => ctx.go(`/sessions/${encodeURIComponent(sessionId)}`);
  const runValues = rec.runValues || [];
  const vitals = rec.vitals || [];
  const fluids = rec.fluids || [];
  const aes = rec.adverseEvents || [];
  const status = s.status;
  const live = status === 'in-progress';
  const RUN = runFields(type);
  const nurseName = (u) => { const n = nurses.find((x) => x.username === u); return n ? n.displayName : u; };
  // entries are timed on the session's day (the day it started, or is planned), in 24-hour local time
  const day = new Date(s.startedAt || s.plannedStart);
  const sessionDay = localDate(day);
  // a time that is no "hh:mm" is sent as typed: the server names the field
  const isoAt = (t) => (t ? instantOf(sessionDay, t) || t : new Date().toISOString());

  // ---- header and status actions ----
  const statusBox = h('div', { id: 'status-actions', class: 'actions' });
  if (canRun && status === 'scheduled') statusBox.append(h('button', { class: 'btn btn-primary btn-lg', id: 'start-session', type: 'button', onclick: askStart }, 'Start session'));
  if (ctx.can.schedule() && status === 'scheduled') statusBox.append(h('button', { class: 'btn btn-ghost', id: 'cancel-session', type: 'button', onclick: () => { cancelBox.hidden = !cancelBox.hidden; } }, 'Cancel…'));
  if (canRun && live) {
    statusBox.append(
      h('button', { class: 'btn btn-ok btn-lg', id: 'complete-session', type: 'button', onclick: askComplete }, 'Complete session'),
      h('button', { class: 'btn btn-danger', id: 'abort-session', type: 'button', onclick: () => { abortBox.hidden = !abortBox.hidden; } }, 'Abort…'));
  }
  statusBox.append(h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => window.print() }, 'Print summary'));
  // The run sheet and summary as the server writes it (the record's every entry with who recorded it and when), as a
  // PDF on the unit's paper, the other size one click away; only for who may read the session's clinical record, as
  // the route is.
  if (ctx.can.readRecord(role)) {
    const otherPaper = printSettings.paper === 'letter' ? ['a4', 'A4'] : ['letter', 'US Letter'];
    statusBox.append(
      h('a', { class: 'btn btn-secondary', id: 'summary-pdf', href: `/api/sessions/${encodeURIComponent(sessionId)}/summary?format=pdf`, target: '_blank', rel: 'noopener' }, 'Summary as PDF'),
      h('a', { class: 'btn btn-ghost', id: 'summary-pdf-other-paper', href: `/api/sessions/${encodeURIComponent(sessionId)}/summary?format=pdf&paper=${otherPaper[0]}`, target: '_blank', rel: 'noopener' }, otherPaper[1]));
  }
  const messages = h('div', { id: 'runsheet-messages', 'aria-live': 'polite' });

  // Start: first the plan's warnings (warning and danger), each ticked as read at the chair and sent as
  // acknowledgedWarnings — the server records who acknowledged which codes, and refuses (409) to start while
  // a warning of the plan it computes from the current record is not among them, or while a candidacy
  // warning lacks a physician's acknowledgement on the order.
  const planWarnings = (plan.warnings || []).filter((w) => w.severity !== 'info');
  function askStart() {
    clear(messages);
    if (!planWarnings.length) { start([]); return; }
    messages.append(checklist(planWarnings, 'Before starting: read the plan’s warnings', 'Confirm and start', () => start(planWarnings.map((w) => w.code))));
  }

  async function start(codes) {
    try {
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/start`, { acknowledgedWarnings: codes });
      toast('Session started');
      reload();
    } catch (e) {
      clear(messages);
      const open = (e.body && e.body.unacknowledged) || [];
      const unread = (e.body && e.body.unacknowledgedPlanWarnings) || [];
      if (e.status === 409 && unread.length) {
        // the plan recomputed from the current record warns of something the nurse has not ticked yet
        messages.append(checklist(unread, 'The plan from the current record has further warnings', 'Confirm and start',
          () => start([...codes, ...unread.map((w) => w.code)])));
      } else if (e.status === 409 && open.length) {
        // a warning that appeared after signing (new labs): a physician acknowledges it on the order
        if (ctx.can.sign(role)) {
          messages.append(checklist(open, 'New warnings from the current record need your acknowledgement', 'Acknowledge and start', async () => {
            await post(`/api/orders/${encodeURIComponent(s.orderId)}/acknowledge`, { codes: open.map((w) => w.code) });
            await start(codes);
          }));
        } else {
          messages.append(h('section', { class: 'panel', id: 'needs-physician' },
            h('h2', {}, 'New warnings since the order was signed'), warningList(open),
            h('p', {}, 'The record changed after the physician signed (new labs). A physician acknowledges these on the order before the session starts. ',
              h('a', { href: `#/orders/${encodeURIComponent(s.orderId)}` }, 'Open the order'))));
        }
      } else messages.append(problemAlert('Not started', e));
    }
  }

  function checklist(warnings, title, button, onConfirm) {
    const form = h('form', { id: 'ack-form', class: 'panel', novalidate: true },
      h('h2', {}, title),
      warningList(warnings),
      warnings.map((w) => checkbox({ name: `ack-${w.code}`, label: `I have read “${warningTitle(w.code)}” and will act on it` })),
      h('div', { class: 'form-errors' }),
      h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-primary btn-lg', id: 'ack-and-start', type: 'submit' }, button)));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = values(form);
      const missing = warnings.filter((w) => !v[`ack-${w.code}`]);
      clearProblems(form);
      if (missing.length) {
        showProblems(form, { status: 422, problems: missing.map((w) => ({ field: `ack-${w.code}`, message: 'Tick to confirm you have read this warning.' })) });
        return;
      }
      try { await onConfirm(); } catch (e) { showProblems(form, e); }
    });
    return form;
  }

  // Complete: a confirmation that shows what the record still lacks (no run values, no post labs, no product).
  function askComplete() {
    clear(messages);
    const missing = rec.missing || [];
    const box = h('section', { class: 'panel', id: 'complete-confirm', role: 'alertdialog', 'aria-labelledby': 'complete-title' },
      h('h2', { id: 'complete-title' }, 'Complete the session?'),
      missing.length ? h('div', { class: 'alert alert-warning', id: 'complete-missing' }, h('h4', {}, 'The record still lacks'),
        h('ul', {}, missing.map((m) => h('li', { dataset: { item: m.item } }, m.message))),
        h('p', { class: 'small' }, 'You can complete now and add late entries afterwards; the summary shows what is missing.'))
        : h('div', { class: 'alert alert-ok' }, h('p', {}, 'The record has run values, post-procedure labs and everything this procedure needs.')),
      h('div', { class: 'actions', style: 'margin-top:.75rem' },
        h('button', { class: 'btn btn-ok btn-lg', type: 'button', id: 'confirm-complete', onclick: complete }, 'Complete session'),
        h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => clear(messages) }, 'Not yet')));
    messages.append(box);
    box.querySelector('#confirm-complete').focus();
  }
  async function complete() {
    try { await post(`/api/sessions/${encodeURIComponent(sessionId)}/complete`, {}); toast('Session completed'); reload(); } catch (e) { clear(messages); messages.append(problemAlert('Not completed', e)); }
  }

  const abortBox = reasonForm('abort-form', 'Abort the session', 'Reason for stopping', 'Abort session', 'confirm-abort', 'btn-danger', async (reason) => {
    await post(`/api/sessions/${encodeURIComponent(sessionId)}/abort`, { reason });
    toast('Session aborted'); reload();
  });
  const cancelBox = reasonForm('cancel-form', 'Cancel the session (it has not started)', 'Reason', 'Cancel session', 'confirm-cancel', 'btn-danger', async (reason) => {
    await post(`/api/sessions/${encodeURIComponent(sessionId)}/cancel`, { reason });
    toast('Session cancelled'); reload();
  });

  main.append(
    h('div', { class: 'print-only' }, h('p', { class: 'small' }, `OpenApheresis session summary · printed ${dateTime(new Date().toISOString())}`)),
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, `Run sheet — ${s.patientName}`),
        h('div', { class: 'sub runsheet-head' }, chip(status), onCallMarker(s),
          h('span', {}, [person && person.mrn ? `MRN ${person.mrn}` : null, person && person.birthDate ? `born ${date(person.birthDate)}` : null,
            person && person.weightKg ? `${num(person.weightKg, 1)} kg` : null,
            procedureName(type), s.machine ? `machine ${s.machine}` : null, s.chair || null, s.nurse ? `nurse: ${nurseName(s.nurse)}` : null,
            `planned ${dateTime(s.plannedStart)}`, s.startedAt ? `started ${time(s.startedAt)}` : null, s.endedAt ? `ended ${time(s.endedAt)}` : null].filter(Boolean).join(' · ')),
          h('a', { href: `#/patients/${encodeURIComponent(s.patientId)}`, class: 'no-print' }, 'Patient page'),
          s.orderId ? h('a', { href: `#/orders/${encodeURIComponent(s.orderId)}`, class: 'no-print' }, 'Order') : null)),
      statusBox),
    onCallMarker(s, true) || '',
    rec.startAcknowledgement && rec.startAcknowledgement.codes.length ? h('p', { class: 'small muted', id: 'start-acknowledgement' },
      `Plan warnings acknowledged at start by ${rec.startAcknowledgement.by} at ${time(rec.startAcknowledgement.at)}: ${rec.startAcknowledgement.codes.map(warningTitle).join(', ')}.`) : '',
    messages, abortBox, cancelBox);
  const productBox = await productPanel(ctx, s);
  if (productBox) main.append(productBox);
  if (person) {
    const allergies = person.allergies || [];
    messages.before(allergies.length // allergies come first, above anything the start flow shows
      ? h('div', { class: 'alert alert-danger', id: 'allergies' }, h('h4', {}, 'Allergies'), h('p', {}, allergies.join(' · ')))
      : h('div', { class: 'alert alert-info', id: 'allergies' }, h('p', {}, 'No allergies recorded.')));
  }
  if (s.abortReason) main.append(h('div', { class: 'alert alert-danger', id: 'aborted' }, h('h4', {}, 'Aborted'), h('p', {}, s.abortReason)));
  if (s.cancelReason) main.append(h('div', { class: 'alert alert-warning', id: 'cancelled' }, h('h4', {}, 'Cancelled'), h('p', {}, `${s.cancelReason}${s.endedBy ? ` — ${s.endedBy}, ${dateTime(s.endedAt)}` : ''}`)));

  // ---- plan figures and progress, as this procedure's staff read them ----
  main.append(progressPanel(type, plan, order, runValues, fluids, rec.labs || [], rec.products || []));

  // ---- quick entry: run values while running; observations, notes, access and labs in any state but cancelled ----
  const recordable = canRun && status !== 'cancelled';
  if (recordable) {
    const forms = [];
    if (live && RUN.length) {
      forms.push(entryForm('run-values-form', 'Run values', RUN.map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' })), 'Record run values', async (v) => {
        const body = { time: isoAt(v.time), source: 'nurse' };
        for (const [k] of RUN) if (v[k] !== '') body[k] = toNumber(v[k]);
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/run-values`, body);
      }));
    }
    forms.push(entryForm('vitals-form', 'Vitals', VITAL_FIELDS.map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' })), 'Record vitals', async (v) => {
      const body = { time: isoAt(v.time) };
      for (const [k] of VITAL_FIELDS) if (v[k] !== '') body[k] = toNumber(v[k]);
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/vitals`, body);
    }));
    forms.push(entryForm('ae-form', 'Adverse event', [
      field({ name: 'type', label: 'Type', type: 'select', options: [['', 'Choose…'], ...describedOptions(catalog.adverseEventTypes)] }),
      field({ name: 'grade', label: 'Grade', type: 'select', options: [['', 'Choose…'], ...describedOptions(catalog.grades)], hint: 'WAA registry grades' }),
      field({ name: 'actionTaken', label: 'Action taken', type: 'textarea', rows: 2, span: true }),
      checkbox({ name: 'interrupted', label: 'Procedure interrupted' }),
    ], 'Record adverse event', async (v) => {
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/adverse-events`, {
        time: isoAt(v.time), type: v.type || null, grade: v.grade || null, actionTaken: v.actionTaken || null, interrupted: !!v.interrupted });
    }));
    // a plasma product is billed by the unit: its entry says how many bags were given (the server requires it)
    const byUnits = (code) => !!(catalog.fluids.find((f) => f.code === code) || {}).countedInUnits;
    const unitsField = field({ name: 'units', label: 'Units (bags)', type: 'number', min: 1, max: 60, hint: 'plasma products: how many bags were given' });
    unitsField.hidden = true;
    forms.push(entryForm('fluids-form', 'Fluids given', [
      field({ name: 'fluid', label: 'Fluid', type: 'select', options: [['', 'Choose a fluid…'], ...catalog.fluids.filter((f) => f.code !== 'plasma').map((f) => [f.code, f.name])],
        onchange: (e) => { unitsField.hidden = !byUnits(e.target.value); } }),
      field({ name: 'volumeMl', label: 'Volume', unit: 'mL', type: 'number' }),
      unitsField,
    ], 'Record fluid', async (v) => {
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/fluids`, { time: isoAt(v.time), fluid: v.fluid || null, volumeMl: toNumber(v.volumeMl) ?? null,
        ...(byUnits(v.fluid) ? { units: toNumber(v.units) ?? null } : {}) });
    }));
    if (type !== 'ivig-infusion') {
      forms.push(entryForm('access-form', 'Vascular access', [
        field({ name: 'kind', label: 'Access', type: 'select', options: [['', 'Choose…'], ...describedOptions(catalog.accessKinds)] }),
        field({ name: 'site', label: 'Site', placeholder: 'e.g. left antecubital (draw), right forearm (return)', span: true }),
        field({ name: 'placedBy', label: 'Placed by', placeholder: 'name, or the unit that placed it' }),
        dateField({ name: 'placedOn', label: 'Placed on', value: '', hint: 'YYYY-MM-DD; empty if today' }),
        field({ name: 'problems', label: 'Problems', type: 'textarea', rows: 2, span: true, placeholder: 'e.g. poor draw, repositioned' }),
      ], 'Record access', async (v) => {
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/vascular-access`, { time: isoAt(v.time), kind: v.kind || null, site: v.site || null,
          placedBy: v.placedBy || undefined, placedOn: v.placedOn || undefined, problems: v.problems || undefined });
      }));
    }
    const labFieldsHere = (SESSION_LABS[type] || []).map((k) => labCatalog().find((l) => l.field === k)).filter(Boolean);
    if (status !== 'scheduled' || labFieldsHere.length) {
      forms.push(entryForm('labs-form', 'Labs', [
        field({ name: 'phase', label: 'Taken', type: 'select', options: [['pre', 'Before the procedure'], ['during', 'During'], ['post', 'After the procedure']], value: live || status === 'completed' ? 'post' : 'pre' }),
        ...labFieldsHere.map((l) => field({ name: `values.${l.field}`, label: l.name, unit: unitText(l.unit), type: 'number' })),
      ], 'Record labs', async (v) => {
        const vals = {};
        for (const l of labFieldsHere) if (v[`values.${l.field}`] !== '') vals[l.field] = toNumber(v[`values.${l.field}`]);
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/labs`, { time: isoAt(v.time), phase: v.phase, values: vals });
      }));
    }
    const PRODUCT = productFields(type);
    if (PRODUCT.length && status !== 'scheduled') {
      forms.push(entryForm('product-form', 'Product at the end of the collection', PRODUCT.map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' })), 'Record product', async (v) => {
        const body = { time: isoAt(v.time) };
        for (const [k] of PRODUCT) if (v[k] !== '') body[k] = toNumber(v[k]);
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/product`, body);
      }));
    }
    forms.push(entryForm('note-form', 'Nursing note', [
      field({ name: 'text', label: 'Note', type: 'textarea', rows: 3, span: true }),
    ], 'Add note', async (v) => {
      await post(`/api/sessions/${encodeURIComponent(sessionId)}/notes`, { time: isoAt(v.time), text: v.text || null });
    }));
    // after the session ends the forms fold away: late entries stay possible (their times are still checked),
    // but the sheet reads as the record it now is
    const ended = status === 'completed' || status === 'aborted';
    main.append(ended
      ? h('details', { class: 'panel no-print', id: 'late-entries' }, h('summary', {}, 'Add a late entry (vitals, labs, product, note…)'),
        h('div', { class: 'grid grid-2 quick' }, forms))
      : h('div', { class: 'grid grid-2 quick no-print' }, forms));
  }

  // ---- what has been recorded ----
  if (RUN.length) main.append(recordTable('Run values', 'run-values', runValues, [['at', 'Time', null], ...RUN.map(([k, n, u]) => [k, n, u]), ['recordedBy', 'By', null]]));
  main.append(h('div', { class: 'grid grid-2' },
    h('div', {},
      recordTable('Vitals', 'vitals', vitals, [['at', 'Time', null], ...VITAL_FIELDS.map(([k, n, u]) => [k, n, u]), ['recordedBy', 'By', null]]),
      vitals.length > 1 ? h('section', { class: 'panel' }, lineChart({
        title: 'Blood pressure and pulse', xLabel: 'minutes from the first reading (min)', yLabel: 'mmHg or beats/min',
        series: [['systolicMmHg', 'Systolic (mmHg)'], ['diastolicMmHg', 'Diastolic (mmHg)'], ['pulsePerMin', 'Pulse (/min)']].map(([k, n]) => ({
          name: n, points: vitals.filter((x) => x[k] != null).map((x) => [(new Date(x.time) - new Date(vitals[0].time)) / 60000, Number(x[k])]) })),
        height: 220 })) : null),
    recordTable('Fluids given', 'fluids', fluids.map((f) => ({ ...f, fluid: (catalog.fluids.find((c) => c.code === f.fluid) || { name: f.fluid }).name })), [['at', 'Time', null], ['fluid', 'Fluid', null], ['volumeMl', 'Volume', 'mL'], ['units', 'Units', null], ['recordedBy', 'By', null]])));
  main.append(h('section', { class: 'panel', id: 'adverse-events' }, h('h2', {}, 'Adverse events'),
    aes.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Type'), h('th', {}, 'Grade'), h('th', {}, 'Action taken'), h('th', {}, 'Interrupted'), h('th', {}, 'Recorded by'))),
      h('tbody', {}, aes.map((a) => h('tr', {}, h('td', {}, time(a.time)), h('td', {}, label(a.type)), h('td', {}, chip(a.grade)),
        h('td', {}, a.actionTaken || '—'), h('td', {}, a.interrupted ? 'Yes' : 'No'), h('td', {}, a.recordedBy || '—')))))
      : h('p', { class: 'empty' }, 'None recorded.')));
  if (type !== 'ivig-infusion') {
    main.append(recordTable('Vascular access', 'vascular-access', (rec.vascularAccess || []).map((a) => ({ ...a, kind: label(a.kind), placedOn: a.placedOn ? date(a.placedOn) : null })),
      [['at', 'Time', null], ['kind', 'Access', null], ['site', 'Site', null], ['placedBy', 'Placed by', null], ['placedOn', 'Placed on', null], ['problems', 'Problems', null], ['recordedBy', 'By', null]]));
  }
  main.append(recordTable('Labs of this session', 'session-labs', (rec.labs || []).map((l) => ({ ...l, time: l.takenAt, phase: label(l.phase),
    analyte: (labCatalog().find((c) => c.field === l.field) || { name: l.field }).name, value: `${num(l.value)} ${unitText(l.unit)}` })),
  [['at', 'Time', null], ['phase', 'Taken', null], ['analyte', 'Lab', null], ['value', 'Value', null], ['recordedBy', 'By', null]]));
  if (productFields(type).length) {
    main.append(recordTable('Product', 'products', rec.products || [], [['at', 'Time', null], ...productFields(type).map(([k, n, u]) => [k, n, u]), ['recordedBy', 'By', null]]));
  }
  main.append(h('section', { class: 'panel', id: 'nursing-notes' }, h('h2', {}, 'Nursing notes'),
    (rec.notes || []).length ? h('ol', { class: 'notes' }, rec.notes.map((n) => h('li', {},
      h('div', { class: 'small muted' }, `${time(n.time)} · ${nurseName(n.recordedBy)}`), h('p', {}, n.text))))
      : h('p', { class: 'empty' }, 'No notes.')));

  const again = sessionStorage.getItem('openapheresis.runsheet.focus');
  if (again) {
    sessionStorage.removeItem('openapheresis.runsheet.focus');
    setTimeout(() => { const el = document.querySelector(`#${again} input:not([name="time"]), #${again} select, #${again} textarea`); if (el) el.focus(); }, 0);
  }

  // ---- plan versus actual, and what is missing ----
  if (rec.comparison && status !== 'scheduled' && status !== 'cancelled') main.append(comparisonPanel(rec.comparison, rec.missing || []));
}

/** The figures the staff of this procedure watch, planned and so far. */
function progressPanel(type, plan, order, runValues, fluids, labs, products) {
  const last = (k) => { for (let i = runValues.length - 1; i >= 0; i--) if (runValues[i][k] != null) return runValues[i][k]; return null; };
  const fluidsMl = fluids.reduce((a, f) => a + (Number(f.volumeMl) || 0), 0);
  const proc = order.procedure || {};
  const target = proc.target || {};
  const kpis = [];
  const processedNote = plan.processedVolumeMl ? `of ${num(plan.processedVolumeMl, 0)} mL planned` : null;
  if (type === 'plasma-exchange') {
    const removed = last('removedVolumeMl');
    kpis.push(kpi('Planned run time', plan.durationMin, 'min', null, 0),
      kpi('Planned exchange', plan.exchangeVolumeMl, 'mL', plan.plasmaVolumesExchanged != null ? `${num(plan.plasmaVolumesExchanged)} plasma volumes` : null, 0),
      kpi('Plasma removed', removed, 'mL', plan.exchangeVolumeMl && removed != null ? `${num(100 * removed / plan.exchangeVolumeMl, 0)} % of plan` : null, 0),
      kpi('Replacement given', last('replacementVolumeMl'), 'mL', plan.replacement ? `${num(plan.replacement.albuminMl + plan.replacement.plasmaMl, 0)} mL planned` : null, 0),
      kpi('Blood processed', last('processedVolumeMl'), 'mL', processedNote, 0));
  } else if (type === 'ivig-infusion') {
    const ivig = fluids.filter((f) => f.fluid === 'ivig').reduce((a, f) => a + (Number(f.volumeMl) || 0), 0);
    const inf = plan.infusion || {};
    kpis.push(kpi('Infusion time, day 1', plan.durationMin, 'min', null, 0),
      kpi('Planned today', inf.mlPerDay, 'mL', inf.gramsPerDay != null ? `${num(inf.gramsPerDay)} g of ${num(inf.productPercent)} % product` : null, 0),
      kpi('IVIG given', ivig, 'mL', 'recorded as fluids given', 0));
  } else {
    kpis.push(kpi('Planned run time', plan.durationMin, 'min', null, 0),
      kpi('Blood processed', last('processedVolumeMl'), 'mL', processedNote, 0),
      kpi('Collect volume', last('removedVolumeMl'), 'mL', plan.collected && plan.collected.productVolumeMl != null ? `product about ${num(plan.collected.productVolumeMl, 0)} mL planned` : null, 0));
    if (type === 'leukocytapheresis') {
      const lab = (phase) => { const l = labs.filter((x) => x.phase === phase && x.field === 'wbcE9PerL'); return l.length ? l[l.length - 1].value : null; };
      const w = plan.predicted && plan.predicted.wbc;
      kpis.push(kpi('White count before', lab('pre') ?? (w ? w.pre : null), unitText('10^9/L'), lab('pre') != null ? 'pre-procedure lab' : 'the record the plan used'),
        kpi('White count after', lab('post'), unitText('10^9/L'), [w ? `${num(w.post)} predicted` : null, target.wbcE9PerL != null ? `target ${num(target.wbcE9PerL)}` : null].filter(Boolean).join(' · ') || null));
    }
    const targetText = target.cd34PerKg != null ? `${num(target.cd34PerKg / 1e6)} ${unitText('10^6')} CD34+/kg`
      : target.granulocytes != null ? `${num(target.granulocytes / 1e10)} ${unitText('10^10')} granulocytes`
        : ((proc.target || {}).cd3PerKgDoses || []).length ? `${(proc.target || {}).cd3PerKgDoses.map((d) => num(d / 1e6)).join(' + ')} ${unitText('10^6')} CD3+/kg` : null;
    if (type !== 'leukocytapheresis') kpis.push(kpiText('Target', targetText || 'none', targetText ? 'from the order' : 'a dose in blood volumes, no cell target'));
    if (products.length) kpis.push(kpi('Product measured', products[products.length - 1].volumeMl, 'mL', `at ${time(products[products.length - 1].time)}`, 0));
  }
  if (type !== 'ivig-infusion') kpis.push(kpi('Fluid balance', last('fluidBalanceMl'), 'mL', 'from the machine', 0));
  kpis.push(kpi('Other fluids given', fluidsMl, 'mL', `${fluids.length} entr${fluids.length === 1 ? 'y' : 'ies'}`, 0));
  return h('section', { class: 'panel', id: 'balance' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Plan and progress'), h('span', { class: 'small muted' }, runValues.length ? `last run values ${time(runValues[runValues.length - 1].time)}` : type === 'ivig-infusion' ? 'an infusion: no separator' : 'no run values yet')),
    h('div', { class: 'kpis' }, kpis));
}

function problemAlert(title, e) {
  const problems = e.problems && e.problems.length ? e.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)) : [e.message];
  return h('div', { class: 'alert alert-danger', role: 'alert' }, h('h4', {}, title), h('ul', {}, problems.map((p) => h('li', {}, p))));
}

function reasonForm(id, title, labelText, button, buttonId, cls, save) {
  const form = h('form', { id, class: 'panel no-print', hidden: true, novalidate: true },
    h('h3', {}, title), h('div', { class: 'form-errors' }),
    field({ name: 'reason', label: labelText, type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: `btn ${cls}`, type: 'submit', id: buttonId }, button)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try { await save(values(form).reason); } catch (e) { showProblems(form, e); }
  });
  return form;
}

function entryForm(id, title, fields, button, save) {
  const now = new Date();
  const form = h('form', { id, class: 'panel', novalidate: true },
    h('h2', {}, title), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' }, timeField({ name: 'time', label: 'Time', value: time(now), hint: '24-hour, on the session’s day' }), fields),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-primary btn-lg', type: 'submit' }, button)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try {
      await save(values(form));
      toast(`${title} saved`);
      sessionStorage.setItem('openapheresis.runsheet.focus', id); // keyboard users continue in the same form
      window.dispatchEvent(new HashChangeEvent('hashchange')); // re-render the run sheet with the new entry
    } catch (e) { showProblems(form, e, { 'samples[0].time': 'time' }); }
  });
  return form;
}

function recordTable(title, id, rows, cols) {
  const used = cols.filter(([k], i) => i === 0 || rows.some((r) => r[k] !== undefined && r[k] !== null && r[k] !== ''));
  return h('section', { class: 'panel', id }, h('h2', {}, title),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, used.map(([, n, u], i) => h('th', { class: i && u ? 'r' : null }, u ? `${n} (${u})` : n)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, used.map(([k, , u], i) => h('td', { class: i && u ? 'r' : null },
        k === 'at' ? time(r.time) : typeof r[k] === 'number' ? num(r[k]) : (r[k] ?? '—'))))))))
      : h('p', { class: 'empty' }, 'None recorded.'));
}

/** Each measure of the procedure: planned, the order's target, actual, the difference, and where each comes from. */
function comparisonPanel(cmp, missing) {
  const rows = Object.entries(cmp).filter(([, v]) => v && typeof v === 'object');
  return h('section', { class: 'panel', id: 'plan-vs-actual' }, h('h2', {}, 'Plan versus actual'),
    missing.length ? h('div', { class: 'alert alert-warning', id: 'record-missing' }, h('h4', {}, 'Missing from the record'),
      h('ul', {}, missing.map((m) => h('li', {}, m.message)))) : null,
    rows.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Measure'), h('th', { class: 'r' }, 'Planned'), h('th', { class: 'r' }, 'Target'), h('th', { class: 'r' }, 'Actual'), h('th', { class: 'r' }, 'Difference'), h('th', {}, 'Compared'))),
      h('tbody', {}, rows.map(([key, r]) => h('tr', { dataset: { quantity: key } },
        h('td', {}, r.name || label(key)),
        h('td', { class: 'r' }, qty(r.planned, r.unit)),
        h('td', { class: 'r' }, r.target != null ? qty(r.target, r.unit) : '—'),
        h('td', { class: 'r' }, qty(r.actual, r.unit)),
        h('td', { class: 'r' }, r.differencePercent == null ? '—' : `${r.differencePercent > 0 ? '+' : ''}${num(r.differencePercent, 0)} %`),
        h('td', { class: 'small muted' }, [r.plannedFrom ? `planned: ${r.plannedFrom}` : null, r.actualFrom ? `actual: ${r.actualFrom}` : null].filter(Boolean).join('; '))))))
      : h('p', { class: 'empty' }, 'Nothing to compare yet.'));
}
