// One order: what was prescribed and the plan the server computed for it, the physician's signature,
// and scheduling of its sessions. Prints as the plan for the chart (print stylesheet).
import { get, post } from '../api.js';
import { h, clear, chip, dateTime, date, field, values, showProblems, clearProblems, toast, label, num, localIsoNow, warningList } from '../ui.js';
import { patientName, procedureName, orderCourse } from './common.js';
import { renderPlan } from './plan-view.js';

export async function render(main, ctx, [orderId]) {
  const role = ctx.me.role;
  const o = await get(`/api/orders/${encodeURIComponent(orderId)}`);
  // The stored plan has no timeline: the server plans the order again as ordered, with the timeline for the
  // charts over the run, and the course across the sessions (the stored plan's figures are the same).
  const [p, sessions, timed, course, machines, chairs] = await Promise.all([
    get(`/api/patients/${encodeURIComponent(o.patientId)}`),
    get(`/api/sessions?patientId=${encodeURIComponent(o.patientId)}`).then((d) => d.filter((s) => s.orderId === o.id)),
    get(`/api/orders/${encodeURIComponent(o.id)}/plan?timeline=true`),
    orderCourse(o),
    ctx.can.schedule() ? get('/api/machines') : [],
    ctx.can.schedule() ? get('/api/chairs') : [],
  ]);
  const first = timed;
  const signed = o.status === 'signed';
  const status = o.status;

  const actions = h('div', { class: 'actions no-print' },
    h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => window.print() }, 'Print plan'),
    ctx.can.sign(role) && !signed ? h('button', { class: 'btn btn-primary btn-lg', type: 'button', id: 'sign-order', onclick: sign }, 'Sign order') : null);
  const signBox = h('div', { class: 'form-errors', id: 'sign-errors' });

  async function sign() {
    clearProblems(main);
    try {
      await post(`/api/orders/${encodeURIComponent(orderId)}/sign`);
      toast('Order signed');
      ctx.go(`/orders/${encodeURIComponent(orderId)}`);
    } catch (e) {
      signBox.append(h('div', { class: 'alert alert-danger', role: 'alert' }, h('h4', {}, 'Not signed'),
        h('ul', {}, (e.problems.length ? e.problems : [{ message: e.message }]).map((pr) => h('li', {}, pr.message)))));
    }
  }

  main.append(
    h('div', { class: 'print-only' }, h('p', { class: 'small' }, `OpenApheresis · printed ${dateTime(new Date().toISOString())} · decision support, check against the current guideline`)),
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, `${procedureName(o.procedure)} order`),
        h('div', { class: 'sub' }, h('a', { href: `#/patients/${encodeURIComponent(p.id)}` }, patientName(p)), ` · MRN ${p.mrn} · born ${date(p.birthDate)} · ${num(p.weightKg, 1)} kg`)),
      h('div', { class: 'actions' }, chip(status), actions)),
    signBox,
    h('div', { class: 'grid grid-2' },
      h('section', { class: 'panel' }, h('h2', {}, 'Prescription'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Indication'), h('dd', {}, `${(o.indication && o.indication.text) || '—'}${o.indication && o.indication.code ? ` (ICD-10 ${o.indication.code})` : ''}`),
          o.guideline ? [h('dt', {}, 'Guideline'), h('dd', {}, guidelineText(o.guideline))] : null,
          h('dt', {}, 'Procedure'), h('dd', {}, procedureName(o.procedure)),
          h('dt', {}, 'Dose'), h('dd', {}, doseText(o.procedure)),
          h('dt', {}, 'Course'), h('dd', {}, o.schedule && o.schedule.sessions ? `${o.schedule.sessions} sessions, every ${o.schedule.intervalHours} h` : 'single session'),
          h('dt', {}, 'Ordered'), h('dd', {}, `${o.createdBy || '—'} · ${dateTime(o.createdAt)}`),
          h('dt', {}, 'Signed'), h('dd', { id: 'signed-by' }, signed ? `${o.signedBy || ''} · ${dateTime(o.signedAt)}` : 'not signed'))),
      scheduleSection(ctx, o, signed, sessions, machines, chairs)),
    candidacyPanel(ctx, o),
    h('section', { class: 'panel' }, h('h2', {}, 'Plan'), renderPlan(first, course, { wide: true })));
}

/** Warnings from the patient record (candidacy checks) and who acknowledged them. */
function candidacyPanel(ctx, o) {
  const warnings = o.warnings || [];
  const acks = o.acknowledgements || [];
  const ackOf = (code) => acks.find((a) => a.code === code);
  const open = warnings.filter((w) => !ackOf(w.code));
  const box = h('div', { class: 'form-errors' });
  const ack = async () => {
    clear(box);
    try {
      await post(`/api/orders/${encodeURIComponent(o.id)}/acknowledge`, { codes: open.map((w) => w.code) });
      toast('Warnings acknowledged');
      ctx.go(`/orders/${encodeURIComponent(o.id)}`);
    } catch (e) { box.append(h('div', { class: 'alert alert-danger', role: 'alert' }, h('p', {}, e.message))); }
  };
  return h('section', { class: 'panel', id: 'candidacy' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Warnings to acknowledge'),
      open.length && ctx.can.sign(ctx.me.role) ? h('button', { class: 'btn btn-secondary no-print', type: 'button', id: 'acknowledge-warnings', onclick: ack }, `Acknowledge ${open.length} warning${open.length === 1 ? '' : 's'}`) : null),
    box,
    warnings.length ? warnings.map((w) => {
      const a = ackOf(w.code);
      return h('div', {}, warningList([w]),
        w.source ? h('p', { class: 'small muted' }, `Source: ${w.source}`) : null,
        a ? h('p', { class: 'small' }, `Acknowledged by ${a.acknowledgedBy} · ${dateTime(a.acknowledgedAt)}`) : null);
    }) : h('div', { class: 'alert alert-ok' }, h('p', {}, 'No warnings need acknowledgement for this order.')));
}

function guidelineText(g) {
  return [g.category ? `ASFA category ${g.category}` : null, g.grade ? `grade ${g.grade}` : null, g.source].filter(Boolean).join(' · ');
}

function doseText(proc) {
  if (!proc) return '—';
  const parts = [];
  if (proc.plasmaVolumes != null) parts.push(`${num(proc.plasmaVolumes)} plasma volumes`);
  if (proc.exchangeVolumeMl != null) parts.push(`${num(proc.exchangeVolumeMl, 0)} mL exchange`);
  if (proc.bloodVolumesProcessed != null) parts.push(`${num(proc.bloodVolumesProcessed)} blood volumes`);
  if (proc.replacement) parts.push(`replacement ${num(proc.replacement.albuminPercent ?? 0, 0)} % albumin, ${num(proc.replacement.plasmaPercent ?? 0, 0)} % plasma`);
  if (proc.doseGPerKg != null) parts.push(`${num(proc.doseGPerKg)} g/kg over ${proc.days} days`);
  if (proc.inletFlowMlPerMin != null) parts.push(`inlet ${num(proc.inletFlowMlPerMin)} mL/min`);
  if (proc.acRatio != null) parts.push(`AC ratio ${proc.acRatio}:1`);
  return parts.join(' · ') || label(proc.type);
}

function scheduleSection(ctx, o, signed, sessions, machines, chairs) {
  const sec = h('section', { class: 'panel', id: 'sessions' }, h('h2', {}, 'Sessions'));
  if (sessions.length) {
    sec.append(h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Planned start'), h('th', {}, 'Machine'), h('th', {}, 'Chair'), h('th', {}, 'Status'))),
      h('tbody', {}, sessions.sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart))).map((s) => h('tr', {},
        h('td', {}, h('a', { href: `#/sessions/${encodeURIComponent(s.id)}` }, dateTime(s.plannedStart))),
        h('td', {}, s.machine || '—'), h('td', {}, s.chair || '—'), h('td', {}, chip(s.status)))))));
  } else sec.append(h('p', { class: 'empty' }, 'No sessions scheduled yet.'));
  if (!ctx.can.schedule(ctx.me.role)) return sec;
  if (!signed) { sec.append(h('p', { class: 'muted' }, 'Only a signed order can be scheduled.')); return sec; }
  // machines and chairs are picked from the unit's lists; a machine is offered when it is set up for the procedure
  const type = o.procedure.type;
  const separator = ctx.catalog.procedureTypes.find((t) => t.code === type).onSeparator;
  const machineOptions = [['', separator ? 'Choose a machine…' : 'No machine (an infusion)'],
    ...machines.filter((m) => m.active && m.procedureTypes.includes(type)).map((m) => [m.name, `${m.name} (${m.model})`])];
  const chairOptions = [['', 'Choose a chair or bed…'], ...chairs.filter((c) => c.active).map((c) => [c.name, c.name])];
  const form = h('form', { id: 'schedule-form', class: 'no-print', novalidate: true, style: 'margin-top:1rem' },
    h('h3', {}, 'Schedule a session'), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'plannedStart', label: 'Planned start', type: 'datetime-local', value: localIsoNow() }),
      separator ? field({ name: 'machine', label: 'Machine', type: 'select', options: machineOptions }) : null,
      field({ name: 'chair', label: 'Chair or bed', type: 'select', options: chairOptions }),
      field({ name: 'nurse', label: 'Nurse', placeholder: 'user name' })),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'schedule-session' }, 'Schedule session')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    try {
      const body = { orderId: o.id, plannedStart: v.plannedStart ? new Date(v.plannedStart).toISOString() : null, machine: v.machine || null, chair: v.chair || null, nurse: v.nurse || null };
      const s = await post('/api/sessions', body);
      toast('Session scheduled');
      ctx.go(`/sessions/${encodeURIComponent(s.id)}`);
    } catch (e) { showProblems(form, e); }
  });
  sec.append(form);
  return sec;
}
