// The escalating DLI schedule, shown where it is read (the recipient's page, the collection order's page) and
// ordered from the signed lymphocyte collection order: each dose as it stands, "Skip" on the next dose for a
// physician, and the form that orders the schedule (POST /api/orders/{id}/dli-schedule).
import { post } from '../api.js';
import { h, chip, date, dateTime, label, num, field, dateField, values, toNumber, showProblems, clearProblems, toast, todayIso, unitText } from '../ui.js';
import { patientName } from './common.js';

/** A dose per kg as staff read it, in the UI's one notation: "5 ×10⁶ CD3+/kg" (three significant figures). */
export function perKg(v) {
  if (v === null || v === undefined || !(v > 0)) return '—';
  let e = Math.floor(Math.log10(v));
  let m = Number((v / 10 ** e).toPrecision(3));
  if (m >= 10) { m /= 10; e += 1; }
  return `${m} ${unitText(`10^${e}`)} CD3+/kg`;
}

/** The form's dose unit: a number typed in millions of CD3+ cells per kg of the recipient. */
const MILLION = 1e6;
const DOSE_UNIT = unitText('10^6 CD3+/kg');

const DLI_STATUS = { planned: 'Planned', due: 'Due', held: 'Held (GVHD)', given: 'Given', skipped: 'Skipped' };

/** What the dose's row says of where it stands: the due date, the dose given, the hold's visits, the skip's reason. */
function doseState(d, patientId) {
  const today = todayIso();
  if (d.given) return `given ${dateTime(d.given.at)}: ${perKg(d.given.cd3PerKg)}, by ${d.given.by}`;
  if (d.skipped) return h('span', { class: 'dli-skipped' }, `skipped ${dateTime(d.skipped.at)} by ${d.skipped.by}: `, h('q', {}, d.skipped.reason));
  if (d.status === 'held') {
    return h('span', {}, 'held: acute GVHD since the last dose, at ', ...(d.heldBy || []).map((v, i) => h('span', {}, i ? ', ' : '',
      h('a', { href: `#/patients/${encodeURIComponent(patientId)}/follow-up` }, `the visit of ${dateTime(v.visitAt)} (grade ${v.grade})`))),
    `; due ${date(d.dueOn)}; the physician decides`);
  }
  if (d.status === 'due') {
    return d.dueOn > today ? `next: due on ${date(d.dueOn)}, not before` : d.dueOn === today ? `due today (${date(d.dueOn)})` : `due since ${date(d.dueOn)}`;
  }
  return `planned for ${date(d.dueOn)} or later`;
}

/**
 * One schedule as it stands (an element that redraws itself after a skip, from the server's answer): who ordered it
 * and on what, the hold when there is one, and each dose with its status and aliquot. A physician (who may order
 * the schedule) gets "Skip…" on the next dose still to give.
 *
 * @param opts.recipient the recipient's record, to name and link (on the order's page); left out on his own page
 */
export function scheduleView(ctx, s, opts = {}) {
  const box = h('div', { class: 'dli-schedule-view', dataset: { schedule: s.id } });
  draw(s);
  return box;

  function draw(sch) {
    const patientId = sch.recipientId;
    const next = sch.doses.find((d) => !d.given && !d.skipped);
    const canSkip = ctx.can.orderDli() && next;
    const skipSlot = h('div', { class: 'dli-skip-slot' });
    const orderedCount = sch.ordered ? sch.ordered.doses.length : sch.doses.length;
    const canAmend = ctx.can.orderDli() && (next || sch.doses.length < orderedCount);
    const intro = opts.recipient
      ? [`For `, h('a', { href: `#/patients/${encodeURIComponent(patientId)}`, id: 'dli-recipient-link' }, patientName(opts.recipient)),
        ` (the recipient); ordered by ${sch.createdBy} ${dateTime(sch.createdAt)}`]
      : [`Ordered by ${sch.createdBy} ${dateTime(sch.createdAt)} on `, h('a', { href: `#/orders/${encodeURIComponent(sch.orderId)}` }, 'the lymphocyte collection order')];
    box.replaceChildren(
      h('p', { class: 'small muted' }, [...intro,
        `; doses per kg of the recipient (${sch.recipientWeightKg ? `${num(sch.recipientWeightKg, 1)} kg now` : 'no weight recorded'}); an aliquot matches a dose within ${Math.round(sch.doseToleranceFraction * 100)} %.`]),
      sch.hold ? h('div', { class: 'alert alert-warning', id: 'dli-hold' }, h('p', {}, sch.hold)) : '',
      h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Dose'), h('th', { class: 'r' }, sch.amendments && sch.amendments.length ? 'CD3+/kg, as amended' : 'CD3+/kg ordered'), h('th', { class: 'r' }, 'Interval'),
          h('th', {}, 'Status'), h('th', {}, ''), h('th', {}, 'Aliquot'), canSkip ? h('th', { class: 'no-print' }, '') : null)),
        h('tbody', {}, sch.doses.map((d) => h('tr', { dataset: { dose: String(d.dose), status: d.status } },
          h('td', {}, String(d.dose)),
          h('td', { class: 'r' }, perKg(d.cd3PerKg)),
          h('td', { class: 'r' }, d.intervalDays ? `${d.intervalDays} days after dose ${d.dose - 1}` : 'first'),
          h('td', {}, chip(d.status === 'given' ? 'infused' : d.status === 'held' ? 'aborted' : d.status === 'due' ? 'scheduled' : 'draft', DLI_STATUS[d.status] || d.status)),
          h('td', {}, doseState(d, patientId)),
          h('td', {}, d.aliquot ? [h('a', { class: 'din', href: `#/products/${encodeURIComponent(d.aliquot.productId)}` }, `${d.aliquot.din} ${d.aliquot.division}`),
            h('div', { class: 'small' }, `${label(d.aliquot.status)} · ${perKg(d.aliquot.cd3PerKg)}`)]
            : h('span', { class: 'muted' }, d.given || d.skipped ? '—' : 'none divided yet')),
          canSkip ? h('td', { class: 'no-print' }, d === next ? h('button', { class: 'btn btn-ghost btn-sm', type: 'button', id: 'dli-skip', style: 'white-space:nowrap',
            'aria-label': `Skip dose ${d.dose}`, onclick: () => skipSlot.replaceChildren(skipForm(sch, d)) }, 'Skip…') : null) : null))))),
      amendmentHistory(sch) || '',
      canAmend ? h('div', { class: 'actions no-print', style: 'margin-top:.5rem' }, h('button', { class: 'btn btn-secondary btn-sm', type: 'button', id: 'dli-amend',
        onclick: () => skipSlot.replaceChildren(amendForm(sch)) }, 'Amend the schedule…')) : '',
      skipSlot);
  }

  /** What was ordered and each amendment since, with who, when, why and the doses after it; nothing is overwritten. */
  function amendmentHistory(sch) {
    if (!sch.amendments || !sch.amendments.length) return null;
    const dosesText = (ds) => ds.map((d) => `${d.dose}: ${perKg(d.cd3PerKg)}${d.intervalDays ? ` after ${d.intervalDays} days` : ''}`).join(' · ');
    return h('div', { class: 'dli-amendments', id: 'dli-amendments' },
      h('h4', {}, `Amended ${sch.amendments.length === 1 ? 'once' : `${sch.amendments.length} times`}`),
      h('ol', {}, sch.amendments.map((a) => h('li', {}, `${dateTime(a.at)} by ${a.by}: `, h('q', {}, a.reason),
        h('div', { class: 'small muted' }, `doses after it — ${dosesText(a.doses)}`)))),
      h('p', { class: 'small muted' }, `As ordered by ${sch.createdBy}, first dose on ${date(sch.ordered.firstDoseOn)}: ${dosesText(sch.ordered.doses)}`));
  }

  /**
   * The physician's amendment: the doses still to give take another dose or interval, the last of them may be
   * left out or, left out before, brought back; a dose given or skipped is shown as it is; the reason is required.
   * The schedule redraws from the server's answer; each problem lands beside its field.
   */
  function amendForm(sch) {
    const ordered = sch.ordered ? sch.ordered.doses : sch.doses.map((d) => ({ dose: d.dose, cd3PerKg: d.cd3PerKg, intervalDays: d.intervalDays }));
    let rows = sch.doses.map((d) => ({ dose: d.dose, cd3: inMillions(d.cd3PerKg), interval: d.intervalDays, done: !!(d.given || d.skipped), d }));
    const box = h('div', { id: 'dli-amend-doses' });
    const firstOpen = !rows[0].done;
    const form = h('form', { class: 'panel no-print', id: 'dli-amend-form', novalidate: true, style: 'margin-top:.75rem' },
      h('h3', {}, 'Amend the schedule'),
      h('p', { class: 'small' }, 'A dose given or skipped stays as it is. The doses still to give may take another dose or interval; the last of them may be left out (the schedule ends sooner) or brought back. The schedule as ordered and every amendment are kept.'),
      h('div', { class: 'form-errors' }),
      firstOpen ? dateField({ name: 'firstDoseOn', label: 'First dose on', value: sch.firstDoseOn }) : null,
      box,
      field({ name: 'reason', label: 'Reason for the amendment', type: 'textarea', rows: 2, required: true,
        placeholder: 'e.g. mixed chimerism improving without GVHD: dose 2 stays at the level of dose 1' }),
      h('div', { class: 'actions', style: 'margin-top:.75rem' },
        h('button', { class: 'btn btn-primary', type: 'submit', id: 'dli-confirm-amend' }, 'Amend'),
        h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => form.remove() }, 'Not now')));
    const keep = () => {
      const v = values(form);
      rows = rows.map((r, i) => (r.done ? r : { ...r, cd3: v[`doses[${i}].cd3PerKg`] ?? r.cd3, interval: i ? (v[`doses[${i}].intervalDays`] ?? r.interval) : null }));
    };
    const drawRows = () => {
      box.replaceChildren(...rows.map((r, i) => h('div', { class: 'dli-dose-row', dataset: { doseRow: String(i + 1) } },
        r.done
          ? h('div', { class: 'field span-2' }, h('span', { class: 'small' }, `Dose ${i + 1}: ${perKg(r.d.cd3PerKg)}${r.interval ? `, ${r.interval} days after dose ${i}` : ''} — ${r.d.given ? 'given' : 'skipped'}, kept as it is`))
          : [field({ name: `doses[${i}].cd3PerKg`, label: `Dose ${i + 1}`, type: 'number', unit: DOSE_UNIT, value: r.cd3,
            hint: ordered[i] ? `ordered: ${perKg(ordered[i].cd3PerKg)}` : null }),
          i === 0 ? h('div', { class: 'field' }, h('span', { class: 'small muted dli-first' }, 'Given on the first dose date'))
            : field({ name: `doses[${i}].intervalDays`, label: `Interval after dose ${i}`, type: 'number', unit: 'days', value: r.interval ?? '', step: '1', min: '1' })],
        h('div', { class: 'field' }, !r.done && i === rows.length - 1 && i > 0 ? h('button', { class: 'btn btn-ghost btn-sm', type: 'button', id: 'dli-leave-out',
          onclick: () => { keep(); rows.pop(); drawRows(); } }, `Leave out dose ${i + 1}`) : null))),
      rows.length < ordered.length ? h('div', { class: 'field' }, h('button', { class: 'btn btn-secondary btn-sm', type: 'button', id: 'dli-bring-back', dataset: { field: 'doses' },
        onclick: () => { keep(); const o = ordered[rows.length]; rows.push({ dose: o.dose, cd3: inMillions(o.cd3PerKg), interval: o.intervalDays, done: false }); drawRows(); } },
      `Bring back dose ${rows.length + 1} (ordered ${perKg(ordered[rows.length].cd3PerKg)})`), h('p', { class: 'field-error', role: 'alert' }))
        : h('div', { class: 'field', dataset: { field: 'doses' } }, h('p', { class: 'field-error', role: 'alert' })));
    };
    drawRows();
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      keep();
      const v = values(form);
      // a dose given or skipped is sent as it is; the others as typed
      const doses = rows.map((r, i) => (r.done ? { cd3PerKg: r.d.cd3PerKg, ...(i ? { intervalDays: r.interval } : {}) } : doseBody(r, i)));
      const body = { doses, reason: v.reason || undefined };
      if (firstOpen && v.firstDoseOn && v.firstDoseOn !== sch.firstDoseOn) body.firstDoseOn = v.firstDoseOn;
      try {
        const answered = await post(`/api/dli-schedules/${encodeURIComponent(sch.id)}/amendments`, body);
        toast('DLI schedule amended');
        draw(answered);
      } catch (e) {
        const problems = e.problems || (e.body && e.body.field ? [{ field: e.body.field, message: e.message }] : []);
        showProblems(form, { ...e, problems: problems.map(inFormUnit) });
      }
    });
    return form;
  }

  /** The physician's decision not to give a dose, with the reason (required); the schedule redraws from the answer. */
  function skipForm(sch, d) {
    const form = h('form', { class: 'panel no-print', id: 'dli-skip-form', novalidate: true, style: 'margin-top:.75rem' },
      h('h3', {}, `Skip dose ${d.dose} (${perKg(d.cd3PerKg)}, ${d.status === 'held' ? 'held' : `due ${date(d.dueOn)}`})`),
      h('p', { class: 'small' }, 'The dose is not given; the next dose becomes due its interval after this one was due. The reason is kept with the schedule.'),
      h('div', { class: 'form-errors' }),
      field({ name: 'reason', label: 'Reason for skipping', type: 'textarea', rows: 2, required: true,
        placeholder: 'e.g. grade II skin GVHD after dose 1; moving on after it resolved' }),
      h('div', { class: 'actions', style: 'margin-top:.75rem' },
        h('button', { class: 'btn btn-danger', type: 'submit', id: 'dli-confirm-skip' }, `Skip dose ${d.dose}`),
        h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => form.remove() }, 'Not now')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const reason = values(form).reason;
      if (!reason) { showProblems(form, { status: 422, problems: [{ field: 'reason', message: 'Give the reason the dose is not given.' }] }); return; }
      try {
        const answered = await post(`/api/dli-schedules/${encodeURIComponent(sch.id)}/skips`, { dose: d.dose, reason });
        toast(`Dose ${d.dose} skipped`);
        draw(answered);
      } catch (e) { showProblems(form, e); }
    });
    return form;
  }
}

/**
 * A dose row as the API takes it: the dose typed in millions per kg, sent in CD3+/kg (rounded off the float's last
 * digits, never to another dose), and after the first dose its interval; text that is not a number is sent as typed
 * so the server names the field.
 */
function doseBody(r, i) {
  const d = {};
  const cd3 = toNumber(r.cd3);
  if (cd3 !== undefined) d.cd3PerKg = typeof cd3 === 'number' ? Number((cd3 * MILLION).toPrecision(12)) : cd3;
  const interval = i ? toNumber(r.interval) : undefined;
  if (interval !== undefined) d.intervalDays = interval;
  return d;
}

/** Millions per kg as typed: "0.01", "5", "1000". */
const inMillions = (v) => String(Number((Number(v) / MILLION).toPrecision(6)));

/**
 * A cd3PerKg problem in the form's unit and notation. The server counts CD3+/kg: "1000 is outside 10000..1000000000"
 * becomes "0.001 is outside 0.01..1000" (the field's unit, ×10⁶ CD3+/kg, is added beside it as for every range), and
 * "500000 CD3+/kg is below the dose before it (1000000)" names both doses with their unit.
 */
function inFormUnit(p) {
  if (!/\.cd3PerKg$/.test(p.field || '')) return p;
  const msg = p.message || '';
  const range = /^(\S+) is outside (\S+)\.\.(\S+)$/.exec(msg);
  if (p.key === 'OUT_OF_RANGE' && range) return { ...p, message: `${inMillions(range[1])} is outside ${inMillions(range[2])}..${inMillions(range[3])}` };
  const below = /^(\S+) CD3\+\/kg is below the dose before it \((\S+)\)(.*)$/.exec(msg);
  if (below) return { ...p, message: `${perKg(Number(below[1]))} is below the dose before it (${perKg(Number(below[2]))})${below[3]}` };
  return { ...p, message: unitText(msg) }; // "… (5 × 10^6 CD3+/kg)" as the page writes it
}

/**
 * The form that orders the schedule on a signed lymphocyte collection order: the recipient, the day of the first
 * dose, and each dose (in 10^6 CD3+/kg, the order's planned doses filled in) with the least number of days after the
 * dose before it. Each problem the server names lands beside its field.
 *
 * @param o the order
 * @param patients the people the recipient is chosen from (the donor and other donors are left out)
 * @param recipientId the recipient the order's products name, when they do
 * @param onCreated called with the schedule made
 */
export function scheduleForm(o, patients, recipientId, onCreated) {
  const planned = ((o.procedure || {}).target || {}).cd3PerKgDoses || [];
  let rows = (planned.length ? planned : [null]).map((d, i) => ({ cd3: d ? String(Number((d / MILLION).toPrecision(12))) : '', interval: i ? '' : null }));
  const recipients = patients.filter((p) => p.id !== o.patientId && p.kind !== 'donor');
  const doseBox = h('div', { id: 'dli-doses' });
  const form = h('form', { id: 'dli-schedule-form', novalidate: true },
    h('p', { class: 'small' }, planned.length
      ? `The schedule gives the doses this collection was planned for, in order (${planned.map(perKg).join(' → ')}). The first dose is given on its day; each later one no sooner than its interval after the dose before it. The intervals are yours.`
      : 'The order collects by blood volumes and plans no doses: give each dose, in the order they are given, and the interval after the dose before it.'),
    h('div', { class: 'form-errors' }),
    h('div', { class: 'fields wide' },
      field({ name: 'recipientId', label: 'Recipient of the lymphocytes', type: 'select', required: true, value: recipientId || '', span: true,
        options: [['', 'Choose the recipient…'], ...recipients.map((p) => [p.id, `${patientName(p)} · MRN ${p.mrn}`])],
        hint: recipientId ? 'as the collection\'s products name them' : null }),
      dateField({ name: 'firstDoseOn', label: 'First dose on', value: todayIso(), required: true })),
    h('fieldset', { style: 'margin-top:1rem' }, h('legend', {}, 'Doses, in the order they are given'), doseBox),
    h('div', { class: 'actions', style: 'margin-top:.75rem' },
      h('button', { class: 'btn btn-primary', type: 'submit', id: 'order-dli-schedule' }, 'Order the DLI schedule')));
  drawRows();

  function keep() {
    const v = values(form);
    rows = rows.map((r, i) => ({ cd3: v[`doses[${i}].cd3PerKg`] ?? r.cd3, interval: i ? (v[`doses[${i}].intervalDays`] ?? r.interval ?? '') : null }));
  }
  function drawRows() {
    doseBox.replaceChildren(...rows.map((r, i) => h('div', { class: 'dli-dose-row', dataset: { doseRow: String(i + 1) } },
      field({ name: `doses[${i}].cd3PerKg`, label: `Dose ${i + 1}`, type: 'number', unit: DOSE_UNIT, value: r.cd3,
        hint: planned[i] ? `the order plans ${perKg(planned[i])}` : null }),
      i === 0
        ? h('div', { class: 'field' }, h('span', { class: 'small muted dli-first' }, 'Given on the first dose date'))
        : field({ name: `doses[${i}].intervalDays`, label: `Interval after dose ${i}`, type: 'number', unit: 'days', value: r.interval, step: '1', min: '1' }),
      h('div', { class: 'field' }, rows.length > 1 ? h('button', { class: 'btn btn-ghost btn-sm', type: 'button', dataset: { removeDose: String(i + 1) },
        onclick: () => { keep(); rows.splice(i, 1); if (rows[0]) rows[0].interval = null; drawRows(); } }, `Remove dose ${i + 1}`) : null))),
    h('div', { class: 'field' },
      h('div', {}, h('button', { class: 'btn btn-secondary btn-sm', type: 'button', id: 'dli-add-dose', dataset: { field: 'doses' },
        onclick: () => { keep(); rows.push({ cd3: '', interval: '' }); drawRows(); } }, 'Add a dose')),
      h('p', { class: 'field-error', role: 'alert' })));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    keep();
    const v = values(form);
    const doses = rows.map(doseBody);
    try {
      const made = await post(`/api/orders/${encodeURIComponent(o.id)}/dli-schedule`, { recipientId: v.recipientId || undefined, firstDoseOn: v.firstDoseOn || undefined, doses });
      toast('DLI schedule ordered');
      onCreated(made);
    } catch (e) {
      if (e.status === 409 && e.body && e.body.key === 'DLI_SCHEDULE_EXISTS') { toast('This order has a DLI schedule already'); onCreated(null); return; }
      showProblems(form, { ...e, problems: (e.problems || []).map(inFormUnit) });
    }
  });
  return form;
}
