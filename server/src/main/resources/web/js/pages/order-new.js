// New order: indication, procedure and dose, with the live plan beside the form. As the physician types,
// the page asks POST /api/plans?timeline=true (and /api/courses for a course), debounced, and redraws volumes,
// run time, fluids, citrate, predicted values, charts, warnings and assumptions; then POST /api/plans?uncertainty=500
// for the charts' 5-95 % bands and what drives them. Problems with the request land beside the inputs while typing; nothing typed is ever cleared.
import { get, post, put } from '../api.js';
import { h, clear, field, values, toNumber, showProblems, clearProblems, debounce, toast, num, date, label, unitText, warningList } from '../ui.js';
import { labFields } from './patient.js';
import { patientName, procedureName } from './common.js';
import { renderPlan } from './plan-view.js';
import { teachingPanel } from './teaching.js';

/** Virtual patients behind the uncertainty bands of the live plan (the server allows 10-10000). */
const BAND_PATIENTS = 500;
/** Virtual patients of a course's bands (a course costs about five plans each). */
const COURSE_BAND_PATIENTS = 200;

// Everything a form needs to know about a procedure type (its dose fields, their units, ranges and initial
// values, the labs it needs) comes from the server's catalogue, which builds it from the planner's own reader.

/** A form field for a catalogue dose field: number, list of numbers (text) or choice. */
function doseInput(f, keep) {
  const value = keep !== undefined && keep !== '' ? keep : f.initial;
  if (f.kind === 'choice') {
    return field({ name: f.field, label: f.label, type: 'select', options: f.choices.map((c) => [c.code, c.name]), value, hint: f.hint || null });
  }
  return field({ name: f.field, label: f.label, unit: unitText(f.unit), type: f.kind === 'number-list' ? 'text' : 'number', value,
    min: f.range ? f.range.low : null, max: f.range ? f.range.high : null, hint: f.hint || null });
}

function setPath(obj, path, value) {
  const segs = path.split('.');
  let o = obj;
  for (const s of segs.slice(0, -1)) o = (o[s] = o[s] || {});
  o[segs[segs.length - 1]] = value;
}

/** A nested object as form field paths: {replacement: {albuminPercent: 100}} -> {"procedure.replacement.albuminPercent": 100}. */
function flatten(obj, prefix, out = {}) {
  for (const [k, v] of Object.entries(obj || {})) {
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, `${prefix}.${k}`, out);
    else out[`${prefix}.${k}`] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export async function render(main, ctx, [givenPatientId, orderId]) {
  // #/orders/{id}/edit: an unsigned order changed by its physician, the same form filled from the order
  const editing = orderId ? await get(`/api/orders/${encodeURIComponent(orderId)}`) : null;
  const patientId = editing ? editing.patientId : givenPatientId;
  const standalone = !patientId; // #/plan: the planner without a patient record, for any planning role
  const [p, catalog] = await Promise.all([
    standalone ? null : get(`/api/patients/${encodeURIComponent(patientId)}`),
    ctx.loadCatalog(),
  ]);
  // a photopheresis order may name the chronic GVHD assessment it treats: the patient's, when the user may read them
  const chronic = !standalone && ctx.can.readFollowUp()
    ? await get(`/api/patients/${encodeURIComponent(patientId)}/chronic-gvhd`).catch(() => null) : null;
  const types = catalog.procedureTypes;
  const typeOf = (code) => types.find((t) => t.code === code);
  const labs = p ? p.labs : {};

  // Indications are chosen by their guideline row (two rows may share an ICD-10 code, e.g. HPC and DLI donors).
  const indications = catalog.indications.indications;
  const indicationLabel = (i) => `${i.indication}${i.asfaModality && i.asfaModality.includes('/') ? ` [${i.asfaModality}]` : ''}${i.category ? ` — ASFA category ${i.category}${i.grade ? `, grade ${i.grade}` : ''}` : ''}${i.icd10.length ? ` (${i.icd10[0]})` : ''}${i.verified ? '' : i.category ? ' · unverified' : ''}`;
  const indicationOptions = [['', 'Choose an indication…'], ...indications.map((i) => [i.id, indicationLabel(i)])];
  // The list offers the rows of the chosen procedure only: a row of another procedure cannot be signed for this one.
  function filterIndications(typeCode) {
    const select = form.querySelector('[name="indication.row"]');
    if (!select) return;
    const chosen = select.value;
    const rows = indications.filter((i) => !i.procedureType || i.procedureType === typeCode);
    clear(select).append(h('option', { value: '' }, rows.length ? 'Choose an indication…' : 'No guideline row for this procedure'),
      ...rows.map((i) => h('option', { value: i.id }, indicationLabel(i))));
    select.value = rows.some((i) => i.id === chosen) ? chosen : '';
  }

  const doseBox = h('div', { class: 'fields' });
  const form = h('form', { id: 'order-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('div', { id: 'patient-slot' }),
    standalone ? null : h('fieldset', {}, h('legend', {}, 'Indication'),
      h('div', { class: 'fields wide' },
        field({ name: 'indication.row', label: 'Indication (ASFA 2023)', type: 'select', options: indicationOptions, onchange: onIndication }),
        field({ name: 'indication.code', label: 'ICD-10 code', placeholder: 'e.g. G35.A', hint: 'Filled from the indication when the row has codes; a more specific code is welcome' }),
        field({ name: 'indication.text', label: 'Indication in words', placeholder: 'e.g. Multiple sclerosis, steroid-refractory relapse' })),
      h('div', { id: 'guideline-row', 'aria-live': 'polite' }),
      h('div', { id: 'chronic-gvhd-pick', class: 'fields wide', hidden: true },
        field({ name: 'indication.chronicGvhdAssessmentId', label: 'Chronic GVHD assessment this photopheresis treats', type: 'select',
          options: [['', 'None named'], ...((chronic && chronic.assessments) || []).map((a) => [a.id, `${date(a.assessedAt)}: ${a.severity} (NIH 2014)`])],
          hint: chronic ? 'the order page then shows the latest severity and its trend' : 'the patient\'s chronic GVHD assessments cannot be read here' })),
      h('div', { id: 'category-iv', hidden: true, class: 'alert alert-danger' },
        h('p', {}, 'ASFA category IV: evidence shows or suggests apheresis is ineffective or harmful. The order is signed only with your reason.'),
        field({ name: 'indication.categoryIvReason', label: 'Reason for ordering a category IV indication', type: 'textarea' }))),
    h('fieldset', {}, h('legend', {}, 'Procedure and dose'),
      h('div', { class: 'fields' },
        field({ name: 'procedure.type', label: 'Procedure', type: 'select', options: types.map((t) => [t.code, t.name]), value: 'plasma-exchange', onchange: () => { drawDose(); replan(); } }),
        catalog.separatorFields.map((f) => doseInput(f))),
      h('div', { style: 'height:.75rem' }), doseBox),
    h('fieldset', {}, h('legend', {}, 'Course'),
      h('div', { class: 'fields' },
        field({ name: 'schedule.sessions', label: 'Sessions', unit: 'sessions', type: 'number', value: '5', min: 1 }),
        field({ name: 'schedule.intervalHours', label: 'Every', unit: 'h', type: 'number', value: '48' }))),
    standalone ? null : h('fieldset', { id: 'pre-procedure-labs' }, h('legend', {}, 'Pre-procedure labs'),
      h('p', { class: 'small muted' }, 'Labs to have current before each session, if you want any. Which labs and how recent is your decision; '
        + 'the week\u2019s planner then leaves time for labs drawn on the patient\u2019s arrival to come back (the unit\u2019s lab turnaround) '
        + 'whenever the latest result would be older than you allow.'),
      h('div', { class: 'field' },
        h('div', { class: 'fields', 'data-field': 'preProcedureLabs.tests' }, labFields().map(([k, n]) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', class: 'pre-lab', value: k, 'data-lab': k }), ' ', n))),
        h('p', { class: 'field-error', role: 'alert' })),
      h('div', { class: 'fields' },
        field({ name: 'preProcedureLabs.maxAgeHours', label: 'No older than', unit: 'h', type: 'number', value: '24', min: 1, max: 168,
          hint: 'at the start of each session' }))),
    standalone ? h('p', { class: 'small muted' }, 'A what-if plan: nothing is saved. To prescribe, open the patient and choose New order.') : h('div', {},
      h('div', { class: 'actions' },
        h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'create-order' }, editing ? 'Save the changed order' : 'Create order'),
        h('a', { class: 'btn btn-ghost', href: editing ? `#/orders/${encodeURIComponent(editing.id)}` : `#/patients/${encodeURIComponent(patientId)}` }, 'Cancel')),
      h('p', { class: 'small muted', style: 'margin-top:.5rem' }, editing
        ? 'The order is planned again from the current record; it stays unsigned, and its warnings are acknowledged when you sign it.'
        : 'The order is created unsigned; you sign it on the next page after reviewing the plan, acknowledging its warnings.')));

  // what the physician typed after choosing a row: its order set, arriving later, does not overwrite it
  const typedSinceRow = new Set();
  form.addEventListener('input', (ev) => { if (ev.target && ev.target.name) typedSinceRow.add(ev.target.name); });
  function onIndication() {
    typedSinceRow.clear();
    const row = indications.find((i) => i.id === form.querySelector('[name="indication.row"]').value);
    if (row) {
      if (row.icd10.length) form.querySelector('[name="indication.code"]').value = row.icd10[0];
      const text = form.querySelector('[name="indication.text"]');
      if (!text.value) text.value = row.indication;
      if (typeOf(row.procedureType)) { form.querySelector('[name="procedure.type"]').value = row.procedureType; drawDose(); }
      applyOrderSet(row);
    }
    showRow(row);
    replan();
  }
  /** The chosen row beside the form: category, grade, modality, where it is in the paper, what it was checked against. */
  function showRow(row) {
    const box = form.querySelector('#guideline-row');
    const iv = form.querySelector('#category-iv');
    clear(box);
    iv.hidden = !(row && row.category === 'IV');
    if (!row) return;
    box.append(h('dl', { class: 'facts small' },
      h('dt', {}, 'ASFA 2023'), h('dd', { id: 'guideline-category' }, row.category ? `category ${row.category}, grade ${row.grade} · ${row.asfaModality}` : 'not an ASFA indication'),
      h('dt', {}, 'Where'), h('dd', {}, row.source),
      h('dt', {}, 'Checked'), h('dd', { id: 'guideline-verification', class: row.verified ? '' : 'text-warning' }, row.verificationText),
      row.indicationNote ? [h('dt', {}, 'Note'), h('dd', {}, row.indicationNote)] : null));
  }
  /**
   * The order set of the row: each procedure or course field its prescription box maps to is filled, with the box's
   * words beside it; the parts no field takes are shown as text. Everything stays editable.
   */
  async function applyOrderSet(row) {
    for (const el of form.querySelectorAll('.prefill-note, #order-set-text')) el.remove();
    let set;
    try { set = await get(`/api/order-sets?row=${encodeURIComponent(row.id)}`); } catch (e) { return; }
    if (form.querySelector('[name="indication.row"]').value !== row.id) return; // another row was chosen meanwhile
    for (const p of set.prefill) {
      const el = form.querySelector(`[name="${CSS.escape(p.field)}"]`);
      if (!el || el.disabled || typedSinceRow.has(p.field)) continue;
      el.value = String(p.value);
      if (p.field === 'schedule.sessions') sessionsTouched = true;
      el.closest('.field').append(h('div', { class: 'prefill-note small muted', dataset: { prefillFor: p.field } }, p.note));
    }
    const texts = set.asText;
    form.querySelector('#guideline-row').append(h('div', { id: 'order-set-text', class: 'small' },
      texts.length ? h('div', {}, h('p', {}, 'From the ASFA 2023 fact sheet, not filled into a field:'),
        h('ul', {}, texts.map((t) => h('li', {}, `${t.part}: ${t.words}`)))) : null,
      set.prefill.length || texts.length ? h('p', { class: 'muted' }, set.boxSource) : h('p', { class: 'muted' }, 'No prescription box was transcribed for this row: see the fact sheet.')));
    replan();
  }
  function drawDose() {
    const type = typeOf(form.querySelector('[name="procedure.type"]').value);
    const pick = form.querySelector('#chronic-gvhd-pick');
    if (pick) pick.hidden = type.code !== 'photopheresis';
    const keep = values(doseBox);
    const fields = [...type.doseFields];
    if (type.collectsProduct) fields.push({ field: 'recipient.weightKg', label: 'Recipient weight', unit: 'kg', kind: 'number', initial: '', hint: 'Allogeneic or DLI; empty: the patient (autologous)' });
    clear(doseBox).append(...fields.map((f) => doseInput(f, keep[f.field])));
    for (const f of catalog.separatorFields) {
      const el = form.querySelector(`[name="${f.field}"]`);
      el.disabled = !type.separatorSettings; // an infusion and a column on its own pump have no separator settings
      el.closest('.field').hidden = !type.separatorSettings;
    }
    if (!sessionsTouched) form.querySelector('[name="schedule.sessions"]').value = type.code === 'plasma-exchange' ? '5' : '1';
    markRequiredLabs(type.code);
    filterIndications(type.code);
  }
  let sessionsTouched = false;
  form.querySelector('[name="schedule.sessions"]').addEventListener('input', () => { sessionsTouched = true; });
  function markRequiredLabs(type) {
    for (const el of form.querySelectorAll('[data-required-lab]')) el.remove();
    const need = typeOf(type).requiredLabs;
    for (const k of need) {
      const input = form.querySelector(`[name="patient.labs.${k}"]`);
      if (input) input.closest('.field').querySelector('label').append(h('span', { class: 'required-lab', dataset: { requiredLab: k } }, ' · needed'));
    }
    if (usedBox) drawUsed(type);
  }
  let usedBox = null;
  /** The record's values the plan uses; a lab the type needs and the record lacks is named with a link to record it. */
  function drawUsed(type) {
    if (standalone) return;
    const missing = typeOf(type).requiredLabs.filter((k) => labs[k] === undefined);
    const age = lastRequest ? lastRequest.patient.ageYears : null;
    clear(usedBox).append(...[h('dl', { class: 'facts small' },
      h('dt', {}, 'Sex, age'), h('dd', {}, `${label(p.sex)}, ${age ?? '—'} y`),
      h('dt', {}, 'Height, weight'), h('dd', {}, `${num(p.heightCm, 0)} cm, ${num(p.weightKg, 1)} kg`),
      ...labFields().filter(([k]) => labs[k] !== undefined).flatMap(([k, n, u]) => [h('dt', {}, n), h('dd', {}, `${num(labs[k])} ${u}`)])),
    missing.length ? h('div', { class: 'alert alert-warning', id: 'missing-labs', role: 'status', style: 'margin-top:.5rem' },
      h('p', {}, `${procedureName(type)} needs ${missing.map((k) => labFields().find(([f]) => f === k)).map(([, n, u]) => `${n} (${u})`).join(', ')}, which the record does not have. `,
        h('a', { href: `#/patients/${encodeURIComponent(patientId)}` }, 'Record it on the patient’s page.'))) : null].filter(Boolean));
  }
  drawDose();

  function read() {
    const v = values(form);
    const procedure = {};
    const recipient = {};
    for (const el of form.querySelectorAll('input[name], select[name]')) {
      const k = el.name;
      const val = v[k];
      if (el.disabled || val === '' || !(k.startsWith('procedure.') || k.startsWith('recipient.'))) continue;
      const kind = el.tagName === 'SELECT' ? 'choice' : (allFields().find((f) => f.field === k) || {}).kind;
      const value = kind === 'choice' ? val : kind === 'number-list' ? val.split(/[\s,;]+/).filter(Boolean).map(toNumber) : toNumber(val);
      if (k.startsWith('recipient.')) setPath(recipient, k.slice('recipient.'.length), value);
      else setPath(procedure, k.slice('procedure.'.length), value);
    }
    const sessions = toNumber(v['schedule.sessions']);
    const schedule = sessions !== undefined ? { sessions, intervalHours: toNumber(v['schedule.intervalHours']) } : undefined;
    return { procedure, schedule, recipient: Object.keys(recipient).length ? recipient : undefined,
      indication: { code: v['indication.code'], text: v['indication.text'], guidelineRow: v['indication.row'] || undefined,
        categoryIvReason: !form.querySelector('#category-iv') || form.querySelector('#category-iv').hidden ? undefined : (v['indication.categoryIvReason'] || '').trim() || undefined,
        chronicGvhdAssessmentId: v['procedure.type'] === 'photopheresis' ? v['indication.chronicGvhdAssessmentId'] || undefined : undefined } };
  }

  const allFields = () => [...catalog.separatorFields, ...types.flatMap((t) => t.doseFields)];
  let lastRequest = null; // the plan request the server built from the record, for the facts it shows
  const patientFields = standalone ? h('fieldset', { id: 'patient-values' }, h('legend', {}, 'Patient'),
    h('div', { class: 'fields' },
      field({ name: 'patient.sex', label: 'Sex', type: 'select', options: [['female', 'Female'], ['male', 'Male']] }),
      field({ name: 'patient.ageYears', label: 'Age', unit: 'years', type: 'number', value: '45' }),
      field({ name: 'patient.heightCm', label: 'Height', unit: 'cm', type: 'number', value: '170' }),
      field({ name: 'patient.weightKg', label: 'Weight', unit: 'kg', type: 'number', value: '70' }),
      labFields().map(([k, n, u]) => field({ name: k === 'hematocritPercent' ? 'patient.hematocritPercent' : `patient.labs.${k}`, label: n, unit: u, type: 'number',
        value: { hematocritPercent: '40', iggGPerL: '10', fibrinogenGPerL: '3', albuminGPerL: '40', plateletsE9PerL: '250', ionizedCalciumMmolPerL: '1.2',
          wbcE9PerL: '7', neutrophilsE9PerL: '4', lymphocytesE9PerL: '2', cd34PerUl: '40', cd3PerUl: '1200' }[k] || '' })))) : null;
  function patientBlock() {
    const v = values(form);
    const out = { labs: {} };
    for (const [k, val] of Object.entries(v)) {
      if (!k.startsWith('patient.') || val === '') continue;
      setPath(out, k.slice('patient.'.length), k === 'patient.sex' ? val : toNumber(val));
    }
    return out;
  }
  if (patientFields) form.querySelector('#patient-slot').replaceWith(patientFields);
  // puts a value into the form's field of that API path (a value not given leaves the field as it is)
  const set = (name, value) => { const el = form.querySelector(`[name="${CSS.escape(name)}"]`); if (el && value !== undefined && value !== null) el.value = String(value); };
  if (editing) {
    set('procedure.type', editing.procedure.type);
    drawDose(); // offers the rows of the order's procedure, then the order's row is chosen among them
    set('indication.row', editing.guideline && editing.guideline.id);
    showRow(indications.find((i) => editing.guideline && i.id === editing.guideline.id));
    set('indication.categoryIvReason', editing.guideline && editing.guideline.categoryIvReason);
    set('indication.code', editing.indication.code);
    set('indication.text', editing.indication.text);
    set('indication.chronicGvhdAssessmentId', editing.indication.chronicGvhdAssessmentId);
    for (const [k, v] of Object.entries({ ...flatten(editing.procedure, 'procedure'), ...flatten(editing.recipient, 'recipient') })) set(k, v);
    sessionsTouched = true;
    set('schedule.sessions', editing.schedule ? editing.schedule.sessions : 1);
    set('schedule.intervalHours', editing.schedule ? editing.schedule.intervalHours : 48);
    if (editing.preProcedureLabs) {
      for (const box of form.querySelectorAll('input.pre-lab')) box.checked = editing.preProcedureLabs.tests.includes(box.value);
      set('preProcedureLabs.maxAgeHours', editing.preProcedureLabs.maxAgeHours);
    }
  }
  markRequiredLabs(form.querySelector('[name="procedure.type"]').value);
  const planBox = h('div', { id: 'live-plan', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Computing the plan…'));
  let seq = 0;
  const replan = debounce(async () => {
    const mine = ++seq;
    const { procedure, schedule, recipient, indication } = read();
    try {
      let plan; let course = null; let candidacy = []; let bandRequest = null;
      if (standalone) {
        const request = { patient: patientBlock(), recipient, procedure };
        bandRequest = request;
        [plan, course] = await Promise.all([post('/api/plans?timeline=true', request),
          schedule && schedule.sessions > 1 ? post('/api/courses?timeline=true', { ...request, schedule }) : Promise.resolve(null)]);
      } else {
        // the server plans from the patient's record, as the order will be, with the candidacy checks
        const preview = await post('/api/orders/preview', { patientId, indication: indication.code && indication.text ? indication : undefined, procedure, recipient,
          schedule: schedule && schedule.sessions > 1 ? schedule : undefined });
        plan = preview.plan; course = preview.course || null; lastRequest = preview.planRequest; bandRequest = lastRequest;
        candidacy = preview.warnings.filter((w) => !plan.warnings.some((pw) => pw.code === w.code));
        drawUsed(form.querySelector('[name="procedure.type"]').value);
      }
      if (mine !== seq) return;
      clearProblems(form);
      const draw = (p) => clear(planBox).append(candidacy.length ? h('div', { id: 'candidacy-preview' }, h('h3', {}, 'Candidacy warnings (to acknowledge when signing)'), warningList(candidacy)) : '',
        renderPlan(p, course, { live: true, procedure }));
      let shown = plan; // the plan as last drawn (with its bands once they are in)
      draw(plan);
      const courseRequest = standalone && schedule && schedule.sessions > 1 ? { ...bandRequest, schedule } : null;
      if (course && courseRequest) {
        // the course's bands likewise, after the course (a course of virtual patients takes longer still)
        post(`/api/courses?uncertainty=${COURSE_BAND_PATIENTS}`, courseRequest)
          .then((banded) => { if (mine === seq && banded && banded.uncertainty) { course = { ...course, uncertainty: banded.uncertainty }; draw(shown); } })
          .catch(() => {});
      }
      if (bandRequest) {
        // the plan first, its bands when they arrive (a few hundred virtual patients take longer than one plan);
        // a newer keystroke wins, and without bands the plan stands as it is
        post(`/api/plans?uncertainty=${BAND_PATIENTS}`, bandRequest)
          .then((banded) => { if (mine === seq && banded && banded.uncertainty) draw(shown = { ...plan, uncertainty: banded.uncertainty }); })
          .catch(() => {});
      }
    } catch (e) {
      if (mine !== seq) return;
      showProblems(form, e, null, { focus: false, leftovers: false }); // live: never move the cursor while the user types
      const unplaced = (e.problems || []).filter((pr) => !pr.field || !form.querySelector(`[data-field="${CSS.escape(pr.field)}"]`));
      clear(planBox).append(h('div', { class: 'alert alert-warning', role: 'status' },
        h('h4', {}, 'The plan cannot be computed yet'),
        unplaced.length ? h('ul', {}, unplaced.map((pr) => h('li', {}, `${pr.field ? pr.field + ': ' : ''}${pr.message}`))) : h('p', {}, 'Correct the fields marked in the form.'),
        unplaced.some((pr) => String(pr.field).startsWith('patient')) ? h('p', {}, h('a', { href: `#/patients/${encodeURIComponent(patientId)}` }, 'Record the missing values on the patient’s page.')) : null));
    }
  }, 350);
  // the pre-procedure labs do not change the plan: typing there asks for no new plan (whose arrival would clear the
  // problems a submit just showed)
  const plans = (ev) => { if (!(ev.target && ev.target.closest && ev.target.closest('#pre-procedure-labs'))) replan(); };
  form.addEventListener('input', plans);
  form.addEventListener('change', plans);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (standalone) return;
    clearProblems(form);
    const { procedure, schedule, indication, recipient } = read();
    try {
      const tests = [...form.querySelectorAll('input.pre-lab:checked')].map((b) => b.value);
      const preProcedureLabs = tests.length ? { tests, maxAgeHours: toNumber(values(form)['preProcedureLabs.maxAgeHours']) } : undefined;
      const body = { patientId, indication, procedure, recipient, schedule: schedule && schedule.sessions > 1 ? schedule : undefined, preProcedureLabs };
      const order = editing ? await put(`/api/orders/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version })
        : await post('/api/orders', body);
      toast(editing ? 'Order changed — review and sign' : 'Order created — review and sign');
      ctx.go(`/orders/${encodeURIComponent(order.id)}`);
    } catch (e) {
      showProblems(form, e);
    }
  });

  // a teaching case's patient, put into the planner's patient fields (then planned as if typed)
  function fillPatient(patient) {
    for (const k of ['sex', 'ageYears', 'heightCm', 'weightKg', 'hematocritPercent']) set(`patient.${k}`, patient[k]);
    for (const [k, v] of Object.entries(patient.labs || {})) set(`patient.labs.${k}`, v);
    const type = form.querySelector('[name="procedure.type"]');
    if (type.value !== 'plasma-exchange') { type.value = 'plasma-exchange'; drawDose(); }
    replan();
  }

  usedBox = h('div', { id: 'patient-used' });
  drawUsed(form.querySelector('[name="procedure.type"]').value);
  const used = usedBox;

  main.append(h('div', { class: 'page-head' },
    standalone ? h('div', {}, h('h1', {}, 'Planner'), h('div', { class: 'sub' }, 'Plan a procedure or a course for any patient; the plan updates as you type.'))
      : h('div', {}, h('h1', {}, editing ? 'Change the order' : 'New order'), h('div', { class: 'sub' }, `${patientName(p)} · MRN ${p.mrn} · born ${date(p.birthDate)}`))),
  h('div', { class: 'split' },
    h('div', {},
      h('section', { class: 'panel' }, form),
      standalone ? teachingPanel({ fill: fillPatient, procedure: () => read().procedure }) : null,
      standalone ? null : h('section', { class: 'panel' }, h('h3', {}, 'Patient values the plan uses'), used,
        h('p', { class: 'small muted', style: 'margin-top:.5rem' }, 'From the patient record and the latest labs. ',
          h('a', { href: `#/patients/${encodeURIComponent(patientId)}` }, 'Update them on the patient’s page.')))),
    h('section', { class: 'panel sticky', 'aria-labelledby': 'h-plan' }, h('h2', { id: 'h-plan' }, 'Plan'), planBox)));
  replan();
}
