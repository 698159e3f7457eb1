// The run sheet at the chair: start (acknowledging warnings), quick entry of run values, vitals, fluids and
// adverse events (large targets; Enter saves; each form keeps what was typed when the server says no),
// fluid balance as it goes, complete or abort, and plan versus actual at the end. Prints as the summary.
import { get, post } from '../api.js';
import { h, clear, chip, time, date, dateTime, field, checkbox, values, toNumber, showProblems, clearProblems, toast, label, num, qty, kpi, warningList, localIsoNow } from '../ui.js';
import { lineChart } from '../chart.js';
import { procedureName, enrichSessions } from './common.js';

const RUN_FIELDS = [
  ['inletFlowMlPerMin', 'Inlet flow', 'mL/min', true],
  ['acFlowMlPerMin', 'AC flow', 'mL/min', true],
  ['removalFlowMlPerMin', 'Plasma removal flow', 'mL/min', true],
  ['replacementFlowMlPerMin', 'Replacement flow', 'mL/min', true],
  ['processedVolumeMl', 'Blood processed', 'mL', false],
  ['acVolumeMl', 'AC used', 'mL', false],
  ['removedVolumeMl', 'Plasma removed', 'mL', false],
  ['replacementVolumeMl', 'Replacement given', 'mL', false],
  ['fluidBalanceMl', 'Fluid balance (machine)', 'mL', false],
];
const VITAL_FIELDS = [
  ['systolicMmHg', 'Systolic BP', 'mmHg'], ['diastolicMmHg', 'Diastolic BP', 'mmHg'], ['pulsePerMin', 'Pulse', '/min'],
  ['spo2Percent', 'SpO₂', '%'], ['temperatureC', 'Temperature', '°C'],
];
/** Options of a catalogue given as {code: description}: the code's label with its description. */
function describedOptions(byCode) {
  return Object.entries(byCode).map(([code, d]) => [code, `${label(code)} — ${d}`.replace(/^(.+) — \1/i, '$1')]);
}

/** "14:05" today (local time) as an ISO instant; empty means now. */
const isoAt = (hhmm) => {
  if (!hhmm) return new Date().toISOString();
  const [hh, mm] = hhmm.split(':').map(Number);
  const d = new Date();
  d.setHours(hh, mm, 0, 0);
  return d.toISOString();
};
const nowHhMm = () => localIsoNow().slice(11, 16);

export async function render(main, ctx, [sessionId]) {
  const role = ctx.me.role;
  const canRun = ctx.can.runSession(role);
  const [rec, catalog] = await Promise.all([
    ctx.can.readRecord(role) ? get(`/api/sessions/${encodeURIComponent(sessionId)}/record`)
      : get(`/api/sessions/${encodeURIComponent(sessionId)}`).then((s) => ({ session: s })),
    ctx.loadCatalog(),
  ]);
  const s = rec.session;
  await enrichSessions([s]);
  const person = await get(`/api/patients/${encodeURIComponent(s.patientId)}`);
  const plan = rec.plan || (s.order && s.order.plan) || {};
  const reload = () => ctx.go(`/sessions/${encodeURIComponent(sessionId)}`);
  const runValues = rec.runValues || [];
  const vitals = rec.vitals || [];
  const fluids = rec.fluids || [];
  const aes = rec.adverseEvents || [];
  const status = s.status;
  const live = status === 'in-progress';

  // ---- header and status actions ----
  const statusBox = h('div', { id: 'status-actions', class: 'actions' });
  if (canRun && status === 'scheduled') statusBox.append(h('button', { class: 'btn btn-primary btn-lg', id: 'start-session', type: 'button', onclick: askStart }, 'Start session'));
  if (canRun && live) {
    statusBox.append(
      h('button', { class: 'btn btn-ok btn-lg', id: 'complete-session', type: 'button', onclick: complete }, 'Complete session'),
      h('button', { class: 'btn btn-danger', id: 'abort-session', type: 'button', onclick: () => abortBox.hidden = !abortBox.hidden }, 'Abort…'));
  }
  statusBox.append(h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => window.print() }, 'Print summary'));
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
      const open = (e.body && (e.body.unacknowledged || e.body.warnings)) || [];
      const unread = (e.body && e.body.unacknowledgedPlanWarnings) || [];
      if (e.status === 409 && unread.length) {
        // the plan recomputed from the current record warns of something the nurse has not ticked yet
        messages.append(checklist(unread, 'The plan from the current record has further warnings', 'Confirm and start',
          () => start([...codes, ...unread.map((w) => w.code)])));
      } else if (e.status === 409 && open.length) {
        if (ctx.can.sign(role)) {
          messages.append(checklist(open, 'Candidacy warnings need your acknowledgement', 'Acknowledge and start', async () => {
            await post(`/api/orders/${encodeURIComponent(s.orderId)}/acknowledge`, { codes: open.map((w) => w.code) });
            await start(codes);
          }));
        } else {
          messages.append(h('section', { class: 'panel', id: 'needs-physician' },
            h('h2', {}, 'A physician must acknowledge these warnings first'), warningList(open),
            h('p', {}, 'The session cannot start until a physician has acknowledged them on the order. ',
              h('a', { href: `#/orders/${encodeURIComponent(s.orderId)}` }, 'Open the order'))));
        }
      } else messages.append(problemAlert('Not started', e));
    }
  }

  function checklist(warnings, title, button, onConfirm) {
    const form = h('form', { id: 'ack-form', class: 'panel', novalidate: true },
      h('h2', {}, title),
      warningList(warnings),
      warnings.map((w) => checkbox({ name: `ack-${w.code}`, label: `I have read “${label(w.code)}” and will act on it` })),
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

  async function complete() {
    clear(messages);
    try { await post(`/api/sessions/${encodeURIComponent(sessionId)}/complete`, {}); toast('Session completed'); reload(); } catch (e) { messages.append(problemAlert('Not completed', e)); }
  }

  const abortBox = h('form', { id: 'abort-form', class: 'panel no-print', hidden: true, novalidate: true },
    h('h3', {}, 'Abort the session'), h('div', { class: 'form-errors' }),
    field({ name: 'reason', label: 'Reason for stopping', type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-danger', type: 'submit', id: 'confirm-abort' }, 'Abort session')));
  abortBox.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(abortBox);
    try { await post(`/api/sessions/${encodeURIComponent(sessionId)}/abort`, { reason: values(abortBox).reason }); toast('Session aborted'); reload(); } catch (e) { showProblems(abortBox, e); }
  });

  main.append(
    h('div', { class: 'print-only' }, h('p', { class: 'small' }, `OpenApheresis session summary · printed ${dateTime(new Date().toISOString())}`)),
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, `Run sheet — ${s.patientName}`),
        h('div', { class: 'sub runsheet-head' }, chip(status),
          h('span', {}, [person ? `MRN ${person.mrn}` : null, person && person.birthDate ? `born ${date(person.birthDate)}` : null,
            person && person.weightKg ? `${num(person.weightKg, 1)} kg` : null,
            procedureName(s.procedureType), s.machine ? `machine ${s.machine}` : null, s.chair ? s.chair : null,
            `planned ${dateTime(s.plannedStart)}`, s.startedAt ? `started ${time(s.startedAt)}` : null, s.endedAt ? `ended ${time(s.endedAt)}` : null].filter(Boolean).join(' · ')),
          s.patientId ? h('a', { href: `#/patients/${encodeURIComponent(s.patientId)}`, class: 'no-print' }, 'Patient page') : null)),
      statusBox),
    rec.startAcknowledgement && rec.startAcknowledgement.codes.length ? h('p', { class: 'small muted', id: 'start-acknowledgement' },
      `Plan warnings acknowledged at start by ${rec.startAcknowledgement.by} at ${time(rec.startAcknowledgement.at)}: ${rec.startAcknowledgement.codes.map(label).join(', ')}.`) : null,
    messages, abortBox);
  if (person) {
    const allergies = person.allergies || [];
    messages.before(allergies.length // allergies come first, above anything the start flow shows
      ? h('div', { class: 'alert alert-danger', id: 'allergies' }, h('h4', {}, 'Allergies'), h('p', {}, allergies.join(' · ')))
      : h('div', { class: 'alert alert-info', id: 'allergies' }, h('p', {}, 'No allergies recorded.')));
  }
  if (s.abortReason) main.append(h('div', { class: 'alert alert-danger' }, h('h4', {}, 'Aborted'), h('p', {}, s.abortReason)));

  // ---- plan figures and running balance ----
  const last = runValues[runValues.length - 1] || {};
  const fluidsMl = fluids.reduce((a, f) => a + (Number(f.volumeMl) || 0), 0);
  main.append(h('section', { class: 'panel', id: 'balance' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Plan and progress'), h('span', { class: 'small muted' }, runValues.length ? `last run values ${time(last.at || last.time)}` : 'no run values yet')),
    h('div', { class: 'kpis' },
      kpi('Planned run time', plan.durationMin, 'min', null, 0),
      kpi('Planned exchange', plan.exchangeVolumeMl ?? plan.processedVolumeMl, 'mL', null, 0),
      kpi('Plasma removed', last.removedVolumeMl, 'mL', plan.exchangeVolumeMl && last.removedVolumeMl != null ? `${num(100 * last.removedVolumeMl / plan.exchangeVolumeMl, 0)} % of plan` : null, 0),
      kpi('Blood processed', last.processedVolumeMl, 'mL', plan.processedVolumeMl ? `of ${num(plan.processedVolumeMl, 0)} mL planned` : null, 0),
      kpi('Fluid balance', last.fluidBalanceMl, 'mL', 'from the machine', 0),
      kpi('Other fluids given', fluidsMl, 'mL', `${fluids.length} entr${fluids.length === 1 ? 'y' : 'ies'}`, 0))));

  // ---- quick entry (in progress only) ----
  if (canRun && live) {
    main.append(h('div', { class: 'grid grid-2 quick no-print' },
      entryForm('run-values-form', 'Run values', RUN_FIELDS.map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' })), 'Record run values', async (v) => {
        const body = { time: isoAt(v.time), source: 'nurse' };
        for (const [k] of RUN_FIELDS) if (v[k] !== '') body[k] = toNumber(v[k]);
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/run-values`, body);
      }),
      entryForm('vitals-form', 'Vitals', VITAL_FIELDS.map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' })), 'Record vitals', async (v) => {
        const body = { time: isoAt(v.time) };
        for (const [k] of VITAL_FIELDS) if (v[k] !== '') body[k] = toNumber(v[k]);
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/vitals`, body);
      }),
      entryForm('ae-form', 'Adverse event', [
        field({ name: 'type', label: 'Type', type: 'select', options: [['', 'Choose…'], ...describedOptions(catalog.adverseEventTypes)] }),
        field({ name: 'grade', label: 'Grade', type: 'select', options: [['', 'Choose…'], ...describedOptions(catalog.grades)], hint: 'WAA registry grades' }),
        field({ name: 'actionTaken', label: 'Action taken', type: 'textarea', rows: 2, span: true }),
        checkbox({ name: 'interrupted', label: 'Procedure interrupted' }),
      ], 'Record adverse event', async (v) => {
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/adverse-events`, {
          time: isoAt(v.time), type: v.type || null, grade: v.grade || null, actionTaken: v.actionTaken || null, interrupted: !!v.interrupted });
      }),
      entryForm('fluids-form', 'Fluids given', [
        field({ name: 'fluid', label: 'Fluid', type: 'select', options: catalog.fluids.map((f) => [f.code, f.name]) }),
        field({ name: 'volumeMl', label: 'Volume', unit: 'mL', type: 'number' }),
      ], 'Record fluid', async (v) => {
        await post(`/api/sessions/${encodeURIComponent(sessionId)}/fluids`, { time: isoAt(v.time), fluid: v.fluid, volumeMl: toNumber(v.volumeMl) ?? null });
      })));
  }

  // ---- what has been recorded ----
  main.append(recordTable('Run values', 'run-values', runValues, [['at', 'Time', null], ...RUN_FIELDS.map(([k, n, u]) => [k, n, u])]));
  main.append(h('div', { class: 'grid grid-2' },
    h('div', {},
      recordTable('Vitals', 'vitals', vitals, [['at', 'Time', null], ...VITAL_FIELDS.map(([k, n, u]) => [k, n, u])]),
      vitals.length > 1 ? h('section', { class: 'panel' }, lineChart({
        title: 'Blood pressure and pulse', xLabel: 'minutes from the first reading (min)', yLabel: 'mmHg or beats/min',
        series: [['systolicMmHg', 'Systolic (mmHg)'], ['diastolicMmHg', 'Diastolic (mmHg)'], ['pulsePerMin', 'Pulse (/min)']].map(([k, n]) => ({
          name: n, points: vitals.map((x) => [(new Date(x.at || x.time) - new Date(vitals[0].at || vitals[0].time)) / 60000, Number(x[k])]) })),
        height: 220 })) : null),
    recordTable('Fluids given', 'fluids', fluids.map((f) => ({ ...f, fluid: (catalog.fluids.find((c) => c.code === f.fluid) || { name: f.fluid }).name })), [['at', 'Time', null], ['fluid', 'Fluid', null], ['volumeMl', 'Volume', 'mL']])));
  main.append(h('section', { class: 'panel', id: 'adverse-events' }, h('h2', {}, 'Adverse events'),
    aes.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Type'), h('th', {}, 'Grade'), h('th', {}, 'Action taken'), h('th', {}, 'Interrupted'), h('th', {}, 'Recorded by'))),
      h('tbody', {}, aes.map((a) => h('tr', {}, h('td', {}, time(a.at || a.time)), h('td', {}, label(a.type || a.eventType)), h('td', {}, chip(a.grade)),
        h('td', {}, a.actionTaken || '—'), h('td', {}, a.interrupted ? 'Yes' : 'No'), h('td', {}, a.recordedBy || '—')))))
      : h('p', { class: 'empty' }, 'None recorded.')));

  const again = sessionStorage.getItem('openapheresis.runsheet.focus');
  if (again) {
    sessionStorage.removeItem('openapheresis.runsheet.focus');
    setTimeout(() => { const el = document.querySelector(`#${again} input:not([name="time"]), #${again} select`); if (el) el.focus(); }, 0);
  }

  // ---- plan versus actual ----
  if (rec.comparison && (status === 'completed' || status === 'aborted' || live)) main.append(comparisonPanel(rec.comparison));
}


function problemAlert(title, e) {
  return h('div', { class: 'alert alert-danger', role: 'alert' }, h('h4', {}, title),
    h('ul', {}, (e.problems && e.problems.length ? e.problems : [{ message: e.message }]).map((p) => h('li', {}, p.message))));
}

function entryForm(id, title, fields, button, save) {
  const form = h('form', { id, class: 'panel', novalidate: true },
    h('h2', {}, title), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' }, field({ name: 'time', label: 'Time', type: 'time', value: nowHhMm(), hint: 'today; empty means now' }), fields),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-primary btn-lg', type: 'submit' }, button)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try {
      await save(values(form));
      toast(`${title} saved`);
      sessionStorage.setItem('openapheresis.runsheet.focus', id); // keyboard users continue in the same form
      window.dispatchEvent(new HashChangeEvent('hashchange')); // re-render the run sheet with the new entry
    } catch (e) { showProblems(form, e); }
  });
  return form;
}

function recordTable(title, id, rows, cols) {
  const used = cols.filter(([k], i) => i === 0 || rows.some((r) => r[k] !== undefined && r[k] !== null));
  return h('section', { class: 'panel', id }, h('h2', {}, title),
    rows.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, used.map(([, n, u], i) => h('th', { class: i ? 'r' : null }, u ? `${n} (${u})` : n)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, used.map(([k], i) => h('td', { class: i ? 'r' : null },
        k === 'at' ? time(r.at || r.time) : typeof r[k] === 'number' ? num(r[k]) : (r[k] ?? '—'))))))))
      : h('p', { class: 'empty' }, 'None recorded.'));
}

const COMPARE_NAMES = {
  durationMin: ['Run time', 'min'], exchangeVolumeMl: ['Plasma exchanged', 'mL'], removedVolumeMl: ['Plasma removed', 'mL'],
  processedVolumeMl: ['Blood processed', 'mL'], acVolumeMl: ['AC used', 'mL'], replacementVolumeMl: ['Replacement given', 'mL'],
  fluidBalanceMl: ['Fluid balance', 'mL'], inletFlowMlPerMin: ['Inlet flow', 'mL/min'],
};

function comparisonPanel(cmp) {
  const rows = Array.isArray(cmp) ? cmp : Array.isArray(cmp.rows) ? cmp.rows : Array.isArray(cmp.items) ? cmp.items
    : Object.entries(cmp).filter(([, v]) => v && typeof v === 'object').map(([k, v]) => ({ quantity: k, ...v }));
  return h('section', { class: 'panel', id: 'plan-vs-actual' }, h('h2', {}, 'Plan versus actual'),
    rows.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Quantity'), h('th', { class: 'r' }, 'Planned'), h('th', { class: 'r' }, 'Actual'), h('th', { class: 'r' }, 'Difference'))),
      h('tbody', {}, rows.map((r) => {
        const key = r.quantity || r.name || r.field || r.key;
        const [name, unitGuess] = COMPARE_NAMES[key] || [label(key), ''];
        const unit = r.unit || unitGuess;
        const planned = r.planned ?? r.plan;
        const actual = r.actual;
        const diff = r.differencePercent ?? (planned && actual != null ? (100 * (actual - planned)) / planned : null);
        return h('tr', {}, h('td', {}, name), h('td', { class: 'r' }, qty(planned, unit)), h('td', { class: 'r' }, qty(actual, unit)),
          h('td', { class: 'r' }, diff == null ? '—' : `${diff > 0 ? '+' : ''}${num(diff, 0)} %`));
      })))
      : h('p', { class: 'empty' }, 'Nothing to compare yet.'));
}
