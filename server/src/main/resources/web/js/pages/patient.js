// The patient: details, allergies and medications, orders and their courses (each session planned and
// actual), adverse events, and lab trends as charts. Billing sees demographics and coverage only.
import { get, put } from '../api.js';
import { h, chip, date, dateTime, ageYears, label, num, qty, field, dateField, timeField, checkbox, values, toNumber, showProblems, clearProblems, toast, localIsoNow, todayIso, instantOf, unitText } from '../ui.js';
import { lineChart } from '../chart.js';
import { patientName, procedureName, orderCourse, labCatalog } from './common.js';
import { coveragePanel } from './cost.js';
import { scheduleView } from './dli.js';

/** The lab fields the unit records (from the server's catalogue) as [field, name, unit]. */
export function labFields() {
  return labCatalog().map((l) => [l.field, l.name, unitText(l.unit)]);
}

/** The lab history (GET /api/patients/{id}/labs) as [{analyte, value, unit, takenAt, phase}], oldest first. */
export function labRows(history) {
  return history.map((r) => ({ analyte: r.field, value: r.value, unit: r.unit, takenAt: r.takenAt, phase: r.phase }));
}

/** The latest value of each analyte, as the plan contract's labs object. */
export function latestLabs(rows) {
  const latest = {};
  for (const r of rows) latest[r.analyte] = r.value;
  return latest;
}

export async function render(main, ctx, [id]) {
  const role = ctx.me.role;
  const p = await get(`/api/patients/${encodeURIComponent(id)}`);
  const clinical = ctx.can.readClinical();
  const [orders, sessions, labs] = clinical ? await Promise.all([
    get(`/api/orders?patientId=${encodeURIComponent(id)}`),
    get(`/api/sessions?patientId=${encodeURIComponent(id)}`),
    ctx.can.readClinical() ? get(`/api/patients/${encodeURIComponent(id)}/labs`).then(labRows) : Promise.resolve([]),
  ]) : [[], [], []];
  const records = ctx.can.readRecord(role) ? await Promise.all(sessions.filter((s) => s.status !== 'scheduled')
    .map((s) => get(`/api/sessions/${encodeURIComponent(s.id)}/record`).catch(() => null))) : [];
  const recordBySession = new Map(records.filter(Boolean).map((r) => [(r.session || {}).id, r]));

  const age = ageYears(p.birthDate);
  main.append(h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, patientName(p)),
      h('div', { class: 'sub' }, [`MRN ${p.mrn || '—'}`, `${label(p.sex)}`, age !== null ? `${age} years` : null, `born ${date(p.birthDate)}`].filter(Boolean).join(' · '))),
    h('div', { class: 'actions' },
      ctx.can.editPatients(role) ? h('a', { class: 'btn btn-ghost', href: `#/patients/${encodeURIComponent(id)}/edit` }, 'Edit details') : null,
      ctx.can.readFollowUp() ? h('a', { class: 'btn btn-ghost', id: 'follow-up', href: `#/patients/${encodeURIComponent(id)}/follow-up` }, 'GVHD follow-up') : null,
      ctx.can.readProducts() ? h('a', { class: 'btn btn-ghost', id: 'therapy-timeline', href: `#/patients/${encodeURIComponent(id)}/therapy` }, 'Therapy timeline') : null,
      ctx.can.order(role) ? h('a', { class: 'btn btn-primary', id: 'new-order', href: `#/patients/${encodeURIComponent(id)}/orders/new` }, 'New order') : null)));

  const allergies = p.allergies || [];
  const meds = p.medications || [];
  main.append(h('div', { class: 'grid grid-3' },
    h('section', { class: 'panel', 'aria-labelledby': 'h-details' }, h('h2', { id: 'h-details' }, 'Details'),
      h('dl', { class: 'facts' },
        clinical ? [h('dt', {}, 'Height'), h('dd', {}, qty(p.heightCm, 'cm', 0)),
          h('dt', {}, 'Weight'), h('dd', {}, qty(p.weightKg, 'kg', 1))] : null,
        h('dt', {}, 'Kind'), h('dd', {}, label(p.kind || 'patient')),
        h('dt', {}, 'Insurance at registration'), h('dd', {}, coverageText(p.coverage),
          ctx.can.readCharges() ? h('div', { class: 'hint' }, 'billing uses the plan-year coverage below') : null))),
    clinical ? h('section', { class: 'panel', 'aria-labelledby': 'h-allergies' }, h('h2', { id: 'h-allergies' }, 'Allergies'),
      allergies.length ? h('ul', { class: 'pill-list' }, allergies.map((a) => h('li', { class: 'allergy' }, typeof a === 'string' ? a : a.substance || a.text || JSON.stringify(a))))
        : h('p', { class: 'muted' }, 'None recorded.')) : null,
    clinical ? h('section', { class: 'panel', 'aria-labelledby': 'h-meds' }, h('h2', { id: 'h-meds' }, 'Medications'),
      meds.length ? h('ul', { class: 'pill-list' }, meds.map((m) => h('li', {}, typeof m === 'string' ? m : m.name || m.text || JSON.stringify(m))))
        : h('p', { class: 'muted' }, 'None recorded.')) : null,
    // diagnoses and past conditions: the candidacy checks read them (e.g. the methoxsalen label's contraindications)
    clinical ? h('section', { class: 'panel', 'aria-labelledby': 'h-conditions' }, h('h2', { id: 'h-conditions' }, 'Conditions'),
      (p.conditions || []).length ? h('ul', { class: 'pill-list', id: 'conditions' }, p.conditions.map((c) => h('li', {}, c)))
        : h('p', { class: 'muted' }, 'None recorded.')) : null));

  main.append(await preferredTimesPanel(ctx, id));
  if (ctx.can.readCharges()) main.append(await coveragePanel(ctx, id));

  if (!clinical) {
    main.append(h('div', { class: 'alert alert-info' }, h('p', {}, 'Your role shows demographics and coverage only.')));
    return;
  }

  // ---- orders and courses ----
  const ordersPanel = h('section', { class: 'panel', id: 'orders', 'aria-labelledby': 'h-orders' }, h('h2', { id: 'h-orders' }, 'Orders and courses'));
  if (!orders.length) ordersPanel.append(h('p', { class: 'empty' }, 'No orders yet.'));
  const sorted = [...orders].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  const courses = ctx.can.readOrders() ? await Promise.all(sorted.map((o) => orderCourse(o))) : sorted.map(() => null);
  for (const [oi, o] of sorted.entries()) {
    const plan = o.plan || {};
    // planned values per session: the course when there is one, else the order's plan for each scheduled session
    const planned = courses[oi] ? courses[oi].sessions : Array.isArray(plan.sessions) ? plan.sessions : [plan];
    const mine = sessions.filter((s) => s.orderId === o.id).sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart)));
    const n = Math.max(planned.length, mine.length, (o.schedule && o.schedule.sessions) || 1);
    const rows = [];
    for (let i = 0; i < n; i++) {
      const pl = planned[i] || planned[0] || {};
      const s = mine[i];
      const rec = s && recordBySession.get(s.id);
      const actual = rec ? actualOf(rec) : {};
      rows.push(h('tr', {},
        h('td', {}, String(i + 1)),
        h('td', {}, s ? h('a', { href: `#/sessions/${encodeURIComponent(s.id)}` }, dateTime(s.plannedStart)) : h('span', { class: 'muted' }, 'not scheduled')),
        h('td', {}, s ? chip(s.status) : '—'),
        h('td', { class: 'r' }, qty(pl.exchangeVolumeMl ?? pl.processedVolumeMl, 'mL', 0)),
        h('td', { class: 'r' }, qty(actual.volumeMl, 'mL', 0)),
        h('td', { class: 'r' }, qty(pl.durationMin, 'min', 0)),
        h('td', { class: 'r' }, qty(actual.durationMin, 'min', 0)),
        h('td', { class: 'r' }, planned[i] ? outcomeOf(o.procedure.type, pl) : '—')));
    }
    ordersPanel.append(h('article', { class: 'order', dataset: { order: o.id }, style: 'margin-bottom:1.25rem' },
      h('div', { class: 'panel-head' },
        h('h3', {}, `${procedureName(o.procedure)} — ${(o.indication && (o.indication.text || o.indication.code)) || 'no indication'}`),
        h('div', { class: 'actions' }, chip(o.status || (o.signedAt ? 'signed' : 'unsigned')),
          h('a', { class: 'btn btn-secondary', href: `#/orders/${encodeURIComponent(o.id)}` }, 'Open order'))),
      h('p', { class: 'small muted' }, [o.schedule && o.schedule.sessions ? `${o.schedule.sessions} sessions every ${o.schedule.intervalHours} h` : 'Single session',
        o.signedBy ? `signed by ${o.signedBy} ${dateTime(o.signedAt)}` : 'not signed yet'].join(' · ')),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Session'), h('th', {}, 'Status'),
          h('th', { class: 'r' }, 'Planned volume'), h('th', { class: 'r' }, 'Actual volume'),
          h('th', { class: 'r' }, 'Planned time'), h('th', { class: 'r' }, 'Actual time'), h('th', { class: 'r' }, outcomeHead(o.procedure.type)))),
        h('tbody', {}, rows)))));
  }
  main.append(ordersPanel);
  if (ctx.can.readProducts()) main.append(await productsPanel(id));
  if (ctx.can.readDliSchedules()) {
    const dli = await dliPanel(id, ctx);
    if (dli) main.append(dli);
  }

  // ---- adverse events ----
  const aes = records.filter(Boolean).flatMap((r) => (r.adverseEvents || []).map((a) => ({ ...a, sessionId: (r.session || {}).id })));
  main.append(h('section', { class: 'panel', id: 'adverse-events', 'aria-labelledby': 'h-ae' }, h('h2', { id: 'h-ae' }, 'Adverse events'),
    aes.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Type'), h('th', {}, 'Grade'), h('th', {}, 'Action taken'), h('th', {}, 'Interrupted'))),
      h('tbody', {}, aes.map((a) => h('tr', {},
        h('td', {}, h('a', { href: `#/sessions/${encodeURIComponent(a.sessionId)}` }, dateTime(a.at || a.time))),
        h('td', {}, label(a.type || a.eventType)), h('td', {}, chip(a.grade)),
        h('td', {}, a.actionTaken || a.action || '—'), h('td', {}, a.interrupted ? 'Yes' : 'No')))))
      : h('p', { class: 'empty' }, 'No adverse events recorded.')));

  // ---- labs ----
  main.append(labsPanel(ctx, id, labs));
}

const WEEKDAYS = [['monday', 'Monday'], ['tuesday', 'Tuesday'], ['wednesday', 'Wednesday'], ['thursday', 'Thursday'],
  ['friday', 'Friday'], ['saturday', 'Saturday'], ['sunday', 'Sunday']];

/**
 * The times the person prefers to come (GET/PUT /api/patients/{id}/preferred-times): one window a day, a day left
 * unticked is a day not preferred, none ticked is no preference. The week's planner weighs them (a soft rule).
 */
async function preferredTimesPanel(ctx, id) {
  // the revision read: a save names it, so two people editing at once cannot overwrite each other unseen
  let { preferredTimes, revision } = await get(`/api/patients/${encodeURIComponent(id)}/preferred-times`);
  const sec = h('section', { class: 'panel', id: 'preferred-times', 'aria-labelledby': 'h-preferred' },
    h('h2', { id: 'h-preferred' }, 'Preferred times'));
  const summary = h('p', { id: 'preferred-summary' });
  const hm = (t) => String(t || '').slice(0, 5);
  const describe = (list) => list.length ? list.map((w) => `${WEEKDAYS.find(([d]) => d === w.day)[1]} ${hm(w.from)}–${hm(w.to)}`).join(' · ')
    : 'No preference recorded: the planner may book any time the unit is open.';
  summary.textContent = describe(preferredTimes);
  sec.append(summary);
  if (!ctx.can.editPatients(ctx.me.role)) return sec;
  const byDay = new Map(preferredTimes.map((w) => [w.day, w]));
  // a day's hours are shown only while the day is ticked, so the form is as long as the preference
  const dayRow = (d, name) => {
    const times = [
      h('td', {}, timeField({ name: `${d}.from`, label: 'From', value: byDay.has(d) ? hm(byDay.get(d).from) : '08:00' })),
      h('td', {}, timeField({ name: `${d}.to`, label: 'To', value: byDay.has(d) ? hm(byDay.get(d).to) : '12:00' }))];
    const show = (on) => times.forEach((t) => { t.hidden = !on; });
    const tick = h('td', {}, checkbox({ name: `${d}.on`, label: name, checked: byDay.has(d) || null }));
    tick.querySelector('input').addEventListener('change', (ev) => show(ev.target.checked));
    show(byDay.has(d));
    return h('tr', {}, tick, ...times);
  };
  const form = h('form', { id: 'preferred-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('p', { class: 'small muted' }, 'Tick the days the person would like to come and the hours they can; the week\u2019s planner tries to keep '
      + 'sessions inside them and says when it cannot.'),
    h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, WEEKDAYS.map(([d, name]) => dayRow(d, name))))),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'save-preferred' }, 'Save preferred times')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const chosen = WEEKDAYS.map(([d]) => d).filter((d) => v[`${d}.on`]);
    const aliases = {};
    chosen.forEach((d, i) => { aliases[`preferredTimes[${i}].from`] = `${d}.from`; aliases[`preferredTimes[${i}].to`] = `${d}.to`; });
    try {
      const saved = await put(`/api/patients/${encodeURIComponent(id)}/preferred-times`,
        { preferredTimes: chosen.map((d) => ({ day: d, from: v[`${d}.from`], to: v[`${d}.to`] })), revision });
      revision = saved.revision;
      summary.textContent = describe(saved.preferredTimes);
      toast('Preferred times saved');
    } catch (e) {
      if (e.status === 409 && e.body && e.body.key === 'PREFERRED_TIMES_CHANGED') {
        // nothing was saved: show what is stored now and let the user save their change again over it
        revision = e.body.currentRevision;
        summary.textContent = describe(e.body.current);
        e.message = 'Not saved: someone changed these preferred times since this page was opened';
        e.problems = [{ field: null, message: `They now read: ${describe(e.body.current)}. Check the days below and save again.` }];
      }
      showProblems(form, e, aliases);
    }
  });
  sec.append(form);
  return sec;
}

function coverageText(c) {
  if (!c || (typeof c === 'object' && !Object.keys(c).length)) return 'None recorded';
  if (typeof c === 'string') return c;
  return [c.payer, c.plan, c.memberId ? `member ${c.memberId}` : null].filter(Boolean).join(' · ');
}

/** Actual volume and run time of a session from its record (comparison block first, else last run value). */
/** What the orders table shows as each session's predicted outcome, by procedure type. */
function outcomeHead(type) {
  return { 'plasma-exchange': 'Predicted IgG after', 'ivig-infusion': 'Predicted IgG after', leukocytapheresis: 'Predicted white count after',
    'hpc-collection': 'Predicted CD34+ collected', 'lymphocyte-collection': 'Predicted CD3+ collected', 'granulocyte-collection': 'Predicted granulocytes' }[type] || 'Predicted';
}
function outcomeOf(type, pl) {
  const p = pl.predicted || {};
  const c = pl.collected || {};
  if (type === 'leukocytapheresis') return p.wbc ? qty(p.wbc.post, p.wbc.unit) : '—';
  if (type === 'hpc-collection') return c.cd34PerKg != null ? qty(c.cd34PerKg / 1e6, '10^6/kg') : '—';
  if (type === 'lymphocyte-collection') return c.cd3PerKg != null ? qty(c.cd3PerKg / 1e6, '10^6/kg') : '—';
  if (type === 'granulocyte-collection') return c.granulocytes != null ? qty(c.granulocytes / 1e10, '10^10') : '—';
  return p.igg ? qty(p.igg.post, 'g/L') : '—';
}

export function actualOf(rec) {
  const c = rec.comparison || {};
  const pick = (k) => (c[k] && typeof c[k] === 'object' ? c[k].actual : undefined);
  const last = (rec.runValues || [])[(rec.runValues || []).length - 1] || {};
  const s = rec.session || {};
  let durationMin = pick('durationMin');
  if (durationMin === undefined && s.startedAt && s.endedAt) durationMin = (new Date(s.endedAt) - new Date(s.startedAt)) / 60000;
  return {
    volumeMl: pick('exchangeVolumeMl') ?? pick('removedVolumeMl') ?? pick('processedVolumeMl') ?? last.removedVolumeMl ?? last.processedVolumeMl,
    durationMin,
  };
}

function labsPanel(ctx, patientId, labs) {
  const byAnalyte = new Map();
  for (const r of labs) {
    if (!byAnalyte.has(r.analyte)) byAnalyte.set(r.analyte, []);
    byAnalyte.get(r.analyte).push(r);
  }
  const charts = h('div', { class: 'grid grid-2' });
  const singles = h('div', { class: 'kpis' });
  const order = labFields().map(([k]) => k);
  for (const [analyte, rows] of [...byAnalyte.entries()].sort((a, b) => (order.indexOf(a[0]) + 99 * (order.indexOf(a[0]) < 0)) - (order.indexOf(b[0]) + 99 * (order.indexOf(b[0]) < 0)))) {
    const info = labCatalog().find((l) => l.field === analyte) || { name: label(analyte), unit: rows[0].unit || '' };
    const unit = unitText(rows[0].unit || info.unit);
    if (rows.length < 2) {
      singles.append(h('div', { class: 'kpi', dataset: { analyte } }, h('div', { class: 'label', style: 'text-transform:none' }, info.name),
        h('div', { class: 'value' }, num(rows[0].value), h('span', { class: 'unit' }, ' ' + unit)),
        h('div', { class: 'note' }, `one result, ${dateTime(rows[0].takenAt)}; a trend appears with the next`)));
      continue;
    }
    const t0 = new Date(rows[0].takenAt).getTime();
    const pts = rows.map((r) => [(new Date(r.takenAt).getTime() - t0) / 86400000, r.value]);
    charts.append(h('div', { dataset: { analyte } }, lineChart({
      title: `${info.name}: ${num(rows[rows.length - 1].value)} ${unit} latest`,
      xLabel: `days since ${date(rows[0].takenAt)} (d)`, yLabel: `${info.name} (${unit})`,
      series: [{ name: info.name, points: pts, markers: true }], width: 520, height: 220,
    })));
  }
  const panel = h('section', { class: 'panel', id: 'labs', 'aria-labelledby': 'h-labs' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'h-labs' }, 'Lab trends'), h('span', { class: 'small muted' }, `${labs.length} results`)),
    labs.length ? [singles, charts] : h('p', { class: 'empty' }, 'No lab results yet. Record the pre-procedure labs below so a plan can be computed.'));
  if (ctx.can.editClinical()) panel.append(labForm(ctx, patientId)); // labs go in through the patient record (PUT)
  return panel;
}

/** The editable part of a patient record, as PUT /api/patients/{id} takes it (with its version). */
/** The body of a PUT that keeps the record as it is: demographics always, the clinical part for clinical staff. */
export function patientBody(p, clinical = true) {
  const body = { version: p.version, kind: p.kind, mrn: p.mrn, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate,
    sex: p.sex, coverage: p.coverage || undefined };
  if (clinical) Object.assign(body, { heightCm: p.heightCm, weightKg: p.weightKg, allergies: p.allergies || [],
    medications: p.medications || [], aceInhibitor: !!p.aceInhibitor, plasmaAllergy: !!p.plasmaAllergy, conditions: p.conditions || [] });
  return body;
}

function labForm(ctx, patientId) {
  const form = h('form', { id: 'lab-form', novalidate: true, class: 'no-print', style: 'margin-top:1rem' },
    h('h3', {}, 'Record lab results'),
    h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      dateField({ name: 'takenDate', label: 'Taken on', value: todayIso() }),
      timeField({ name: 'takenTime', label: 'at', value: localIsoNow().slice(11, 16) }),
      labFields().map(([k, n, u]) => field({ name: k, label: n, unit: u, type: 'number' }))),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'save-labs' }, 'Save lab results')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const labs = {};
    for (const [k] of labFields()) if (v[k] !== '') labs[k] = toNumber(v[k]);
    try {
      const p = await get(`/api/patients/${encodeURIComponent(patientId)}`);
      const takenAt = instantOf(v.takenDate, v.takenTime);
      if (!takenAt) throw { status: 422, problems: [{ field: 'takenTime', message: 'write the date as YYYY-MM-DD and the time as hh:mm (24-hour)' }] };
      await put(`/api/patients/${encodeURIComponent(patientId)}`, { ...patientBody(p), labs, labsTakenAt: takenAt });
      toast('Lab results saved');
      ctx.go(`/patients/${encodeURIComponent(patientId)}`);
    } catch (e) { showProblems(form, e, { labsTakenAt: 'takenTime' }); }
  });
  return form;
}

/** Every cell product of the patient, as donor or recipient, and where each is now (one query on the server). */
async function productsPanel(patientId) {
  const products = await get(`/api/products?patientId=${encodeURIComponent(patientId)}`).catch(() => []);
  const panel = h('section', { class: 'panel', id: 'patient-products', 'aria-labelledby': 'h-products' }, h('h2', { id: 'h-products' }, 'Cell products'));
  if (!products.length) { panel.append(h('p', { class: 'empty' }, 'No cell products.')); return panel; }
  panel.append(h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
    h('thead', {}, h('tr', {}, h('th', {}, 'DIN'), h('th', {}, 'Product'), h('th', {}, 'Role'), h('th', {}, 'Status'), h('th', {}, 'Where'), h('th', {}, 'Expires'))),
    h('tbody', {}, products.map((p) => h('tr', {},
      h('td', {}, h('a', { href: `#/products/${encodeURIComponent(p.id)}`, class: 'din' }, p.din), p.division !== '00' ? ` ${p.division}` : ''),
      h('td', {}, p.kindName),
      h('td', {}, p.autologous ? 'own (autologous)' : p.donorId === patientId ? 'donor' : 'recipient'),
      h('td', {}, chip(p.status, label(p.status))),
      h('td', {}, p.location || (p.status === 'issued' ? 'issued' : '—')),
      h('td', {}, dateTime(p.expiresAt))))))));
  return panel;
}

/** The recipient's escalating DLI schedules (GET /api/patients/{id}/dli-schedules); none: no panel. */
async function dliPanel(patientId, ctx) {
  const schedules = await get(`/api/patients/${encodeURIComponent(patientId)}/dli-schedules`).catch(() => []);
  if (!schedules.length) return null;
  return h('section', { class: 'panel', id: 'dli-schedule', 'aria-labelledby': 'h-dli' }, h('h2', { id: 'h-dli' }, 'DLI schedule'),
    schedules.map((s) => scheduleView(ctx, s)));
}
