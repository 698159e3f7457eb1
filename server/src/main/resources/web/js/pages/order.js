// One order: what was prescribed (with the targets of its procedure) and the plan the server computed for it;
// the physician changes it while unsigned, signs it acknowledging its warnings in the same act, or stops it;
// its sessions are scheduled, moved and cancelled here. Prints as the prescription for the chart.
import { get, post, put } from '../api.js';
import { h, clear, chip, dateTime, date, field, dateField, timeField, values, showProblems, clearProblems, toast, label, num, todayIso, addDays, localDate, time, instantOf, warningList, warningTitle, checkbox, unitText } from '../ui.js';
import { patientName, procedureName, orderCourse, labCatalog, onCallPrompt, onCallMarker } from './common.js';
import { renderPlan } from './plan-view.js';
import { estimatePanel, coverageCheckPanel } from './cost.js';
import { scheduleView, scheduleForm } from './dli.js';

/** A lab field's name as staff read it (fibrinogenGPerL -> Fibrinogen). */
const labName = (f) => (labCatalog().find((l) => l.field === f) || { name: label(f) }).name;

export async function render(main, ctx, [orderId]) {
  const role = ctx.me.role;
  const o = await get(`/api/orders/${encodeURIComponent(orderId)}`);
  // The stored plan has no timeline: the server plans the order again as ordered, with the timeline for the
  // charts over the run with their 5-95 % bands over 500 virtual patients, and the course across the sessions
  // (the stored plan's figures are the same).
  const [p, sessions, timed, course, machines, chairs, nurses, coverage, sheetLanguages, printSettings] = await Promise.all([
    get(`/api/patients/${encodeURIComponent(o.patientId)}`),
    get(`/api/sessions?patientId=${encodeURIComponent(o.patientId)}`).then((d) => d.filter((s) => s.orderId === o.id)),
    get(`/api/orders/${encodeURIComponent(o.id)}/plan?timeline=true&uncertainty=500`),
    orderCourse(o, 200),
    ctx.can.schedule() ? get('/api/machines') : [],
    ctx.can.schedule() ? get('/api/chairs') : [],
    ctx.can.schedule() ? get('/api/staff?role=nurse') : [],
    // whether the payer covers the indication and prior authorisation is in hand: shown before the signature
    ctx.can.readCoverageCheck() ? coverageCheckPanel(o.id, o.status === 'unsigned') : null,
    // the languages the patient sheet is written in (English first; a unit adds its own as data)
    get('/api/patient-sheet/languages'),
    // the unit's paper and sheet language, what a document gets when its link names neither
    get('/api/print-settings'),
  ]);
  // the chronic GVHD assessment a photopheresis order treats, with the patient's latest severity and its trend
  const chronic = o.indication && o.indication.chronicGvhdAssessmentId && ctx.can.readFollowUp()
    ? await get(`/api/patients/${encodeURIComponent(o.patientId)}/chronic-gvhd`).catch(() => null) : null;
  const status = o.status;
  const canSign = ctx.can.sign(role);
  const reload = () => ctx.go(`/orders/${encodeURIComponent(orderId)}`);
  // a lymphocyte collection's escalating DLI schedule: shown once ordered, else the form for a physician
  const dli = o.procedure.type === 'lymphocyte-collection' && ctx.can.readDliSchedules() ? await dliSection(ctx, o, sessions, reload) : null;
  const messages = h('div', { id: 'order-messages', 'aria-live': 'polite' });

  // The patient information sheet: plain words from this order's plan, for the patient to take home (the server
  // writes it; HTML here, a PDF to print), in the language chosen when the unit has more than one.
  const sheetHref = (lang, pdf) => `/api/orders/${encodeURIComponent(o.id)}/patient-sheet?${pdf ? 'format=pdf&' : ''}lang=${encodeURIComponent(lang)}`;
  const unitLanguage = (sheetLanguages.find((l) => l.tag === printSettings.sheetLanguage) || sheetLanguages[0]).tag;
  const sheetLink = h('a', { class: 'btn btn-secondary', id: 'patient-sheet', href: sheetHref(unitLanguage, false), target: '_blank', rel: 'noopener' }, 'Patient information sheet');
  const sheetPdfLink = h('a', { class: 'btn btn-ghost', id: 'patient-sheet-pdf', href: sheetHref(unitLanguage, true), target: '_blank', rel: 'noopener' }, 'Sheet as PDF');
  const sheetLanguageChoice = sheetLanguages.length > 1 ? h('label', { class: 'sheet-language' }, 'Sheet language ',
    h('select', { id: 'sheet-language', onchange: (e) => { sheetLink.href = sheetHref(e.target.value, false); sheetPdfLink.href = sheetHref(e.target.value, true); } },
      ...sheetLanguages.map((l) => h('option', { value: l.tag, lang: l.tag, selected: l.tag === unitLanguage || null }, l.name)))) : null;
  // the plan prints on the unit's paper; the other size is one click away
  const otherPaper = printSettings.paper === 'letter' ? ['a4', 'A4'] : ['letter', 'US Letter'];

  const actions = h('div', { class: 'actions no-print' },
    h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => window.print() }, 'Print prescription'),
    sheetLink, sheetPdfLink, sheetLanguageChoice,
    // The plan to print or file: the course and the plan's figures with their units, warnings, assumptions and sources,
    // made by the server (the same engine as the patient sheet), as a PDF on A4 or US Letter.
    h('a', { class: 'btn btn-secondary', id: 'plan-sheet-pdf', href: `/api/orders/${encodeURIComponent(o.id)}/plan-sheet?format=pdf`, target: '_blank', rel: 'noopener' }, 'Plan as PDF'),
    h('a', { class: 'btn btn-ghost', id: 'plan-sheet-pdf-other-paper', href: `/api/orders/${encodeURIComponent(o.id)}/plan-sheet?format=pdf&paper=${otherPaper[0]}`, target: '_blank', rel: 'noopener' }, otherPaper[1]),
    canSign && status === 'unsigned' ? h('a', { class: 'btn btn-secondary', id: 'edit-order', href: `#/orders/${encodeURIComponent(o.id)}/edit` }, 'Change order') : null,
    canSign && status === 'unsigned' ? h('button', { class: 'btn btn-primary btn-lg', type: 'button', id: 'sign-order', onclick: askSign }, 'Sign order') : null,
    canSign && status === 'signed' ? h('button', { class: 'btn btn-danger', type: 'button', id: 'stop-order', onclick: () => { stopForm.hidden = !stopForm.hidden; } }, 'Stop order…') : null);

  // Signing acknowledges the order's warnings in the same act: each is ticked as read, and the server refuses
  // (409, listing them) while one from the current record is not among those sent.
  function askSign() {
    clear(messages);
    const open = (o.warnings || []).filter((w) => !(o.acknowledgements || []).some((a) => a.code === w.code));
    if (!open.length && !needsReason) { sign([]); return; }
    messages.append(signChecklist(open, []));
  }
  // ASFA category IV (apheresis ineffective or harmful): the server signs only with the physician's reason
  const needsReason = o.guideline && o.guideline.category === 'IV' && !o.guideline.categoryIvReason;
  function signChecklist(warnings, already) {
    const form = h('form', { id: 'sign-form', class: 'panel', novalidate: true },
      h('h2', {}, needsReason ? 'Sign the order: give the category IV reason' : 'Sign the order: acknowledge its warnings'),
      needsReason ? h('div', { class: 'alert alert-danger', id: 'category-iv-sign' }, h('p', {}, `ASFA 2023 rates ${o.guideline.indication} category IV: evidence shows or suggests apheresis is ineffective or harmful. Give your reason for ordering it; it is kept with the order.`),
        field({ name: 'categoryIvReason', label: 'Reason for ordering a category IV indication', type: 'textarea' })) : null,
      warnings.length ? h('p', {}, 'Your signature records that you have read each warning below and accept the order with it.') : null,
      warningList(warnings),
      warnings.map((w) => checkbox({ name: `ack-${w.code}`, label: `I have read “${warningTitle(w.code)}” and sign the order with it` })),
      h('div', { class: 'form-errors' }),
      h('div', { class: 'actions', style: 'margin-top:.75rem' },
        h('button', { class: 'btn btn-primary btn-lg', id: 'acknowledge-and-sign', type: 'submit' }, 'Acknowledge and sign'),
        h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => clear(messages) }, 'Not now')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = values(form);
      const missing = warnings.filter((w) => !v[`ack-${w.code}`]);
      clearProblems(form);
      const problems = missing.map((w) => ({ field: `ack-${w.code}`, message: 'Tick to confirm you have read this warning.' }));
      if (needsReason && !(v.categoryIvReason || '').trim()) problems.push({ field: 'categoryIvReason', message: 'Give the reason for ordering a category IV indication.' });
      if (problems.length) {
        showProblems(form, { status: 422, problems });
        return;
      }
      sign([...already, ...warnings.map((w) => w.code)], needsReason ? v.categoryIvReason.trim() : undefined);
    });
    return form;
  }
  async function sign(codes, categoryIvReason) {
    try {
      await post(`/api/orders/${encodeURIComponent(orderId)}/sign`, { acknowledgedWarnings: codes, categoryIvReason });
      toast('Order signed');
      reload();
    } catch (e) {
      clear(messages);
      const open = (e.body && e.body.unacknowledged) || [];
      if (e.status === 409 && open.length) {
        // the record changed since the order was written: the current plan warns of more
        messages.append(signChecklist(open, codes));
      } else if (e.status === 422 && (e.problems || []).some((pr) => pr.field === 'categoryIvReason')) {
        messages.append(signChecklist((o.warnings || []).filter((w) => !codes.includes(w.code)), codes));
      } else {
        messages.append(h('div', { class: 'alert alert-danger', role: 'alert' }, h('h4', {}, 'Not signed'), h('p', {}, e.message)));
      }
    }
  }

  const stopForm = h('form', { id: 'stop-form', class: 'panel no-print', hidden: true, novalidate: true },
    h('h3', {}, 'Stop the order'),
    h('p', { class: 'small' }, 'No further session of this order can be scheduled or started; its scheduled sessions are cancelled with the reason.'),
    h('div', { class: 'form-errors' }),
    field({ name: 'reason', label: 'Reason', type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-danger', type: 'submit', id: 'confirm-stop' }, 'Stop the order')));
  stopForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(stopForm);
    try {
      await post(`/api/orders/${encodeURIComponent(orderId)}/stop`, { reason: values(stopForm).reason });
      toast('Order stopped');
      reload();
    } catch (e) { showProblems(stopForm, e); }
  });

  main.append(
    h('div', { class: 'print-only' }, h('p', { class: 'small' }, `OpenApheresis prescription · printed ${dateTime(new Date().toISOString())} · decision support: check against the current guideline`)),
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, `${procedureName(o.procedure)} order`),
        h('div', { class: 'sub' }, h('a', { href: `#/patients/${encodeURIComponent(p.id)}` }, patientName(p)), ` · MRN ${p.mrn} · born ${date(p.birthDate)} · ${num(p.weightKg, 1)} kg`)),
      h('div', { class: 'actions' }, chip(status), actions)),
    o.stop ? h('div', { class: 'alert alert-danger', id: 'stopped' }, h('h4', {}, 'Stopped'),
      h('p', {}, `${o.stop.reason} — ${o.stop.by}, ${dateTime(o.stop.at)}`)) : '',
    messages, stopForm,
    h('div', { class: 'grid grid-2' },
      h('section', { class: 'panel', id: 'prescription' }, h('h2', {}, 'Prescription'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Indication'), h('dd', {}, `${(o.indication && o.indication.text) || '—'}${o.indication && o.indication.code ? ` (ICD-10 ${o.indication.code})` : ''}`),
          o.guideline ? [h('dt', {}, 'Guideline'), h('dd', { id: 'guideline-row' }, guidelineText(o.guideline),
            o.guideline.verification ? h('div', { class: 'small muted', id: 'guideline-verification' }, `Checked against: ${o.guideline.verification}`) : null,
            o.guideline.category === 'IV' ? h('div', { class: 'alert alert-danger', id: 'category-iv' }, h('p', {}, 'ASFA category IV: evidence shows or suggests apheresis is ineffective or harmful. ',
              o.guideline.categoryIvReason ? `Reason given: ${o.guideline.categoryIvReason}` : 'No reason given yet: signing asks for it.')) : null)] : null,
          h('dt', {}, 'Procedure'), h('dd', {}, procedureName(o.procedure)),
          doseFacts(o, timed, ctx.catalog),
          h('dt', {}, 'Course'), h('dd', {}, o.schedule && o.schedule.sessions > 1 ? `${o.schedule.sessions} sessions, every ${o.schedule.intervalHours} h` : 'one session'),
          h('dt', {}, 'Pre-procedure labs'), h('dd', { id: 'pre-procedure-labs' }, o.preProcedureLabs
            ? `${o.preProcedureLabs.tests.map(labName).join(', ')}, no older than ${o.preProcedureLabs.maxAgeHours} h at each session’s start`
            : 'none asked for'),
          h('dt', {}, 'Ordered'), h('dd', {}, `${o.createdBy || '—'} · ${dateTime(o.createdAt)}`),
          h('dt', {}, 'Signed'), h('dd', { id: 'signed-by' }, o.signedBy ? `${o.signedBy} · ${dateTime(o.signedAt)}` : 'not signed'))),
      scheduleSection(ctx, o, sessions, machines, chairs, nurses)),
    dli || '',
    coverage || '',
    candidacyPanel(o),
    chronicGvhdPanel(o, chronic) || '',
    h('section', { class: 'panel' }, h('h2', {}, 'Plan'), renderPlan(timed, course, { wide: true, procedure: o.procedure })));
  if (ctx.can.readCharges()) main.append(await estimatePanel(o.id));
}

/**
 * The DLI schedule ordered on this lymphocyte collection (GET /api/orders/{id}/dli-schedule), or, while there is none
 * (404), the form a physician orders it with on the signed order. The recipient is filled in when the collection's
 * products name one.
 */
async function dliSection(ctx, o, sessions, reload) {
  let s = null;
  try {
    s = await get(`/api/orders/${encodeURIComponent(o.id)}/dli-schedule`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const sec = (title, ...body) => h('section', { class: 'panel', id: 'dli-schedule', 'aria-labelledby': 'h-dli' }, h('h2', { id: 'h-dli' }, title), ...body);
  if (s) {
    const recipient = await get(`/api/patients/${encodeURIComponent(s.recipientId)}`).catch(() => null);
    return sec('DLI schedule', scheduleView(ctx, s, { recipient }));
  }
  if (!ctx.can.orderDli()) {
    return sec('DLI schedule', h('p', { class: 'empty' }, 'No DLI schedule has been ordered on this collection yet; a physician orders it here once the order is signed.'));
  }
  if (o.status !== 'signed') {
    return sec('DLI schedule', h('p', { class: 'muted', id: 'dli-not-signed' }, o.status === 'stopped' ? 'The order is stopped: no DLI schedule can be ordered on it.'
      : 'Sign the order first: the DLI schedule is ordered on a signed order, whose doses no longer change.'));
  }
  const [patients, products] = await Promise.all([get('/api/patients').catch(() => []),
    ctx.can.readProducts() ? get(`/api/products?patientId=${encodeURIComponent(o.patientId)}`).catch(() => []) : []]);
  const ours = new Set(sessions.map((x) => x.id));
  const named = [...new Set(products.filter((p) => ours.has(p.sessionId) && p.recipientId && p.recipientId !== o.patientId).map((p) => p.recipientId))];
  return sec('Order the DLI schedule', scheduleForm(o, patients, named.length === 1 ? named[0] : null, reload));
}

/** The chronic GVHD assessment the order treats, the latest one and the trend of the recorded severity. */
function chronicGvhdPanel(o, chronic) {
  const id = o.indication && o.indication.chronicGvhdAssessmentId;
  if (!id) return null;
  const head = h('h2', {}, 'Chronic GVHD this order treats');
  if (!chronic) return h('section', { class: 'panel', id: 'chronic-gvhd-indication' }, head,
    h('p', { class: 'small muted' }, 'The patient\'s chronic GVHD assessments are read by physicians, nurses and coordinators.'));
  const treated = chronic.assessments.find((a) => a.id === id);
  const latest = chronic.latest;
  const said = (a) => `${a.severity} on ${dateTime(a.assessedAt)}`;
  return h('section', { class: 'panel', id: 'chronic-gvhd-indication' }, head,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Assessment treated'), h('dd', { id: 'chronic-gvhd-treated' }, treated ? said(treated) : '—'),
      h('dt', {}, 'Latest severity'), h('dd', { id: 'chronic-gvhd-latest' }, latest ? said(latest) : '—',
        latest ? h('div', { class: 'small' }, latest.severityRule) : null),
      h('dt', {}, 'Trend'), h('dd', { id: 'chronic-gvhd-trend' }, chronic.trend.summary,
        h('div', { class: 'small' }, chronic.trend.series.map((p) => `${date(p.assessedAt)} ${p.severity}`).join(' → ')))),
    h('p', { class: 'small no-print' }, h('a', { href: `#/patients/${encodeURIComponent(o.patientId)}/follow-up` }, 'All follow-up assessments')));
}

/** The warnings of the order and who acknowledged each, in the signature. */
function candidacyPanel(o) {
  const warnings = o.warnings || [];
  const acks = o.acknowledgements || [];
  const ackOf = (code) => acks.find((a) => a.code === code);
  return h('section', { class: 'panel', id: 'candidacy' },
    h('h2', {}, o.status === 'unsigned' ? 'Warnings to acknowledge when signing' : 'Warnings acknowledged'),
    warnings.length ? warnings.map((w) => {
      const a = ackOf(w.code);
      return h('div', {}, warningList([w]),
        w.source ? h('p', { class: 'small muted' }, `Source: ${w.source}`) : null,
        a ? h('p', { class: 'small' }, `Acknowledged by ${a.acknowledgedBy} · ${dateTime(a.acknowledgedAt)}`) : null);
    }) : h('div', { class: 'alert alert-ok' }, h('p', {}, 'No warnings need acknowledgement for this order.')));
}

function guidelineText(g) {
  if (!g.matched) return g.note || 'No row of the selected table matches; the current ASFA guideline is authoritative.';
  return [g.indication, g.asfaModality ? `ASFA modality ${g.asfaModality}` : null, g.category ? `ASFA category ${g.category}` : null, g.grade ? `grade ${g.grade}` : null, g.rowSource || g.source].filter(Boolean).join(' · ');
}

const SEDIMENTING = { hes: 'HES (hydroxyethyl starch)', none: 'none' };

/** The IVIG product's name from the catalogue's choice list (the order keeps its code). */
function ivigProductName(catalog, code) {
  if (!code) return 'not named (billing codes the drug by hand)';
  const type = ((catalog && catalog.procedureTypes) || []).find((t) => t.code === 'ivig-infusion');
  const f = type && (type.doseFields || []).find((d) => d.field === 'procedure.product');
  const c = f && (f.choices || []).find((x) => x.code === code);
  return c ? c.name : label(code);
}

/** The dose and the target as the procedure states them, with the separator settings. */
function doseFacts(o, plan, catalog) {
  const proc = o.procedure || {};
  const t = proc.target || {};
  const rows = [];
  const add = (dt, dd, id) => rows.push(h('dt', {}, dt), h('dd', id ? { id } : {}, dd));
  if (proc.plasmaVolumes != null) add('Dose', `${num(proc.plasmaVolumes)} plasma volumes${plan && plan.exchangeVolumeMl ? ` (${num(plan.exchangeVolumeMl, 0)} mL)` : ''}`, 'dose');
  if (proc.exchangeVolumeMl != null) add('Dose', `${num(proc.exchangeVolumeMl, 0)} mL plasma exchanged`, 'dose');
  if (proc.replacement) add('Replacement', `${num(proc.replacement.albuminPercent ?? 0, 0)} % albumin 5 %, ${num(proc.replacement.plasmaPercent ?? 0, 0)} % donor plasma`);
  if (proc.fluidBalancePercent != null) add('Fluid balance', `${num(proc.fluidBalancePercent, 0)} % of the plasma removed is replaced`);
  if (proc.bloodVolumesProcessed != null) add('Dose', `${num(proc.bloodVolumesProcessed)} blood volumes processed${plan && plan.processedVolumeMl ? ` (${num(plan.processedVolumeMl, 0)} mL)` : ''}`, 'dose');
  if (t.wbcE9PerL != null) add('Target', `white count ${num(t.wbcE9PerL)} ${unitText('10^9/L')} after the procedure`, 'target');
  if (t.cd34PerKg != null) add('Target', `${num(t.cd34PerKg / 1e6)} ${unitText('10^6')} CD34+ cells per kg of the recipient`, 'target');
  if (t.granulocytes != null) add('Target', `${num(t.granulocytes / 1e10)} ${unitText('10^10')} granulocytes`, 'target');
  if (Array.isArray((proc.target || {}).cd3PerKgDoses) && (proc.target || {}).cd3PerKgDoses.length) {
    add('CD3+ doses', (proc.target || {}).cd3PerKgDoses.map((d, i) => `infusion ${i + 1}: ${num(d / 1e6)} ${unitText('10^6')}/kg`).join(' · '), 'target');
  }
  if (proc.collectionEfficiencyPercent != null) add('Collection efficiency', `${num(proc.collectionEfficiencyPercent)} % (CE2, set by the physician)`);
  if (proc.sedimentingAgent) add('Sedimenting agent', SEDIMENTING[proc.sedimentingAgent] || label(proc.sedimentingAgent));
  if (o.recipient && o.recipient.weightKg != null) add('Recipient', `${num(o.recipient.weightKg, 1)} kg`);
  if (proc.doseGPerKg != null) add('Dose', `${num(proc.doseGPerKg)} g/kg over ${proc.days} day${proc.days === 1 ? '' : 's'}, ${num(proc.productPercent ?? 10)} % product`, 'dose');
  if (proc.doseGPerKg != null) add('Product', ivigProductName(catalog, proc.product), 'ivig-product');
  const sep = [proc.device ? label(proc.device) : null, proc.inletFlowMlPerMin != null ? `inlet ${num(proc.inletFlowMlPerMin)} mL/min` : null,
    proc.acRatio != null ? `inlet:AC ${proc.acRatio}:1` : null, proc.anticoagulant ? String(proc.anticoagulant).toUpperCase() : null].filter(Boolean);
  if (sep.length) add('Separator', sep.join(' · '));
  if (!rows.length) add('Dose', 'as planned');
  return rows;
}

function scheduleSection(ctx, o, sessions, machines, chairs, nurses) {
  const sec = h('section', { class: 'panel', id: 'sessions' }, h('h2', {}, 'Sessions'));
  const ordered = o.schedule && o.schedule.sessions ? o.schedule.sessions : 1;
  const counted = sessions.filter((s) => ['scheduled', 'in-progress', 'completed'].includes(s.status)).length;
  sec.append(h('p', { class: 'small', id: 'course-count' }, `${counted} of ${ordered} session${ordered === 1 ? '' : 's'} scheduled, running or done.`));
  const canSchedule = ctx.can.schedule();
  const nurseName = (u) => { const n = nurses.find((x) => x.username === u); return n ? n.displayName : u; };
  if (sessions.length) {
    sec.append(h('table', { id: 'order-sessions' }, h('thead', {}, h('tr', {}, h('th', {}, 'Planned start'), h('th', {}, 'Machine'), h('th', {}, 'Chair'), h('th', {}, 'Nurse'), h('th', {}, 'Status'), canSchedule ? h('th', { class: 'no-print' }, '') : null)),
      h('tbody', {}, sessions.sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart))).map((s) => h('tr', { dataset: { session: s.id } },
        h('td', {}, h('a', { href: `#/sessions/${encodeURIComponent(s.id)}` }, dateTime(s.plannedStart))),
        h('td', {}, s.machine || '—'), h('td', {}, s.chair || '—'), h('td', {}, s.nurse ? nurseName(s.nurse) : '—'),
        h('td', {}, chip(s.status), ' ', onCallMarker(s), s.cancelReason ? h('div', { class: 'small muted' }, s.cancelReason) : null),
        canSchedule ? h('td', { class: 'no-print' }, s.status === 'scheduled' ? h('div', { class: 'actions' },
          h('button', { class: 'btn btn-ghost btn-sm', type: 'button', dataset: { action: 'move' }, onclick: () => sec.append(moveForm(ctx, s, machines, chairs, nurses, o)) }, 'Move…'),
          h('button', { class: 'btn btn-ghost btn-sm', type: 'button', dataset: { action: 'cancel' }, onclick: () => sec.append(cancelForm(ctx, s, o)) }, 'Cancel…')) : null) : null)))));
  } else sec.append(h('p', { class: 'empty' }, 'No sessions scheduled yet.'));
  if (!canSchedule) return sec;
  if (o.status !== 'signed') { sec.append(h('p', { class: 'muted' }, o.status === 'stopped' ? 'The order is stopped: no session can be scheduled.' : 'Only a signed order can be scheduled.')); return sec; }
  if (counted >= ordered) { sec.append(h('p', { class: 'muted', id: 'course-full' }, 'Every session of the course is scheduled. A further session needs a new order.')); return sec; }
  const form = h('form', { id: 'schedule-form', class: 'no-print', novalidate: true, style: 'margin-top:1rem' },
    h('h3', {}, 'Schedule a session'), h('div', { class: 'form-errors' }),
    slotFields(ctx, o, machines, chairs, nurses, {}),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'schedule-session' }, 'Schedule session')));
  // outside the unit's rules (closed, outside its hours, after the lab's cut-off, labs not back) the server answers with
  // warnings: shown in words, and booked only when the booker sends their codes back ("Book anyway (on call)")
  const book = async (acknowledgedWarnings) => {
    clearProblems(form);
    try {
      const s = await post('/api/sessions', { orderId: o.id, ...slotBody(form), ...(acknowledgedWarnings ? { acknowledgedWarnings } : {}) });
      toast(acknowledgedWarnings ? 'Session booked on call' : 'Session scheduled');
      ctx.go(`/sessions/${encodeURIComponent(s.id)}`);
    } catch (e) { showBookingProblem(form, e, book); }
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); book(); });
  form.addEventListener('input', () => withdrawOnCall(form));
  sec.append(form);
  return sec;
}

/** Date, 24-hour time, and the machine, chair and nurse picked from the unit's lists. */
function slotFields(ctx, o, machines, chairs, nurses, current) {
  const type = o.procedure.type;
  const separator = ctx.catalog.procedureTypes.find((t) => t.code === type).onSeparator;
  const machineOptions = [['', separator ? 'Choose a machine…' : 'No machine (an infusion)'],
    ...machines.filter((m) => m.active && m.procedureTypes.includes(type)).map((m) => [m.name, `${m.name} (${m.model})`])];
  const chairOptions = [['', 'Choose a chair or bed…'], ...chairs.filter((c) => c.active).map((c) => [c.name, c.name])];
  const nurseOptions = [['', 'Choose a nurse…'], ...nurses.map((n) => [n.username, n.displayName])];
  const at = current.plannedStart ? new Date(current.plannedStart) : null;
  const next = nextStart();
  return h('div', { class: 'fields' },
    dateField({ name: 'plannedDate', label: 'Date', value: at ? localDate(at) : next.date }),
    timeField({ name: 'plannedTime', label: 'Start', value: at ? time(at) : next.time }),
    separator ? field({ name: 'machine', label: 'Machine', type: 'select', options: machineOptions, value: current.machine || '' }) : null,
    field({ name: 'chair', label: 'Chair or bed', type: 'select', options: chairOptions, value: current.chair || '' }),
    field({ name: 'nurse', label: 'Nurse', type: 'select', options: nurseOptions, value: current.nurse || '' }));
}

/**
 * The start a new booking is offered: 08:30 today while that is still ahead, else the next quarter hour today, or
 * 08:30 tomorrow once the day is nearly over (a start far in the past is refused by the server).
 */
function nextStart() {
  const now = new Date();
  const minutes = now.getHours() * 60 + now.getMinutes();
  if (minutes < 8 * 60 + 30) return { date: todayIso(), time: '08:30' };
  const q = Math.ceil((minutes + 1) / 15) * 15;
  if (q > 17 * 60) return { date: addDays(todayIso(), 1), time: '08:30' };
  const hh = String(Math.floor(q / 60)).padStart(2, '0');
  const mm = String(q % 60).padStart(2, '0');
  return { date: todayIso(), time: `${hh}:${mm}` };
}

function slotBody(form) {
  const v = values(form);
  const plannedStart = instantOf(v.plannedDate, v.plannedTime);
  if (!plannedStart) {
    throw { status: 422, message: 'the date or time is not valid', problems: [
      ...(/^\d{4}-\d{2}-\d{2}$/.test(v.plannedDate) ? [] : [{ field: 'plannedDate', message: 'write the date as YYYY-MM-DD' }]),
      ...(/^([01]\d|2[0-3]):[0-5]\d$/.test(v.plannedTime) ? [] : [{ field: 'plannedTime', message: 'write the time as hh:mm, 24-hour' }])] };
  }
  return { plannedStart, machine: v.machine || null, chair: v.chair || null, nurse: v.nurse || null };
}

function moveForm(ctx, s, machines, chairs, nurses, o) {
  document.querySelectorAll('.session-action-form').forEach((f) => f.remove());
  const form = h('form', { class: 'panel session-action-form no-print', id: 'move-form', novalidate: true },
    h('h3', {}, `Move the session of ${dateTime(s.plannedStart)}`), h('div', { class: 'form-errors' }),
    slotFields(ctx, o, machines, chairs, nurses, s),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-secondary', type: 'submit', id: 'confirm-move' }, 'Move session')));
  const moveTo = async (acknowledgedWarnings) => {
    clearProblems(form);
    try {
      await put(`/api/sessions/${encodeURIComponent(s.id)}`, { ...slotBody(form), version: s.version, ...(acknowledgedWarnings ? { acknowledgedWarnings } : {}) });
      toast(acknowledgedWarnings ? 'Session moved on call' : 'Session moved');
      ctx.go(`/orders/${encodeURIComponent(o.id)}`);
    } catch (e) { showBookingProblem(form, e, moveTo, 'Move'); }
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); moveTo(); });
  form.addEventListener('input', () => withdrawOnCall(form));
  return form;
}

/**
 * A refused booking or move: the warnings of the unit's rules with "Book anyway (on call)" above the form's buttons
 * (sending their codes back through {@code again}), or any other refusal beside its fields as before.
 */
function showBookingProblem(form, e, again, what) {
  withdrawOnCall(form);
  const prompt = onCallPrompt(e, again, what);
  if (prompt) form.querySelector('.actions').before(prompt);
  else showProblems(form, e, { plannedStart: 'plannedTime' });
}

/** The warnings were about the time and resources shown: a change to any of them asks the server again. */
function withdrawOnCall(form) {
  const shown = form.querySelector('#on-call-warning');
  if (shown) shown.remove();
}

function cancelForm(ctx, s, o) {
  document.querySelectorAll('.session-action-form').forEach((f) => f.remove());
  const form = h('form', { class: 'panel session-action-form no-print', id: 'cancel-form', novalidate: true },
    h('h3', {}, `Cancel the session of ${dateTime(s.plannedStart)}`), h('div', { class: 'form-errors' }),
    field({ name: 'reason', label: 'Reason', type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions', style: 'margin-top:.75rem' }, h('button', { class: 'btn btn-danger', type: 'submit', id: 'confirm-cancel' }, 'Cancel session')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    try {
      await post(`/api/sessions/${encodeURIComponent(s.id)}/cancel`, { reason: values(form).reason });
      toast('Session cancelled');
      ctx.go(`/orders/${encodeURIComponent(o.id)}`);
    } catch (e) { showProblems(form, e); }
  });
  return form;
}
