// New order: indication, procedure and dose, with the live plan beside the form. As the physician types,
// the page asks POST /api/plans?timeline=true (and /api/courses for a course), debounced, and redraws
// volumes, run time, fluids, citrate, predicted values, charts, warnings and assumptions. Problems with the
// request land beside the inputs while typing; nothing typed is ever cleared.
import { get, post, list } from '../api.js';
import { h, clear, field, values, toNumber, showProblems, clearProblems, debounce, toast, num, date, label } from '../ui.js';
import { labRows, latestLabs, LAB_FIELDS } from './patient.js';
import { patientName, procedureName } from './common.js';
import { renderPlan } from './plan-view.js';

const TYPES = [
  ['plasma-exchange', 'Plasma exchange (TPE)'], ['leukocytapheresis', 'Leukocytapheresis'], ['hpc-collection', 'HPC collection'],
  ['lymphocyte-collection', 'Lymphocyte collection'], ['granulocyte-collection', 'Granulocyte collection'], ['ivig-infusion', 'IVIG infusion'],
];

// Dose inputs per procedure type (plan-v1): a volume to process OR a target, the collection efficiency and
// the recipient's weight for collected products (doses per kg are per recipient kg), IVIG dose and days.
const BVP = (value) => ({ name: 'procedure.bloodVolumesProcessed', label: 'Blood volumes to process', unit: 'TBV', value, hint: 'Or leave empty and give a target' });
const CE = { name: 'procedure.collectionEfficiencyPercent', label: 'Collection efficiency (CE2)', unit: '%', value: '', hint: 'Empty: the separator’s default' };
const RECIPIENT = { name: 'recipient.weightKg', label: 'Recipient weight', unit: 'kg', value: '', hint: 'Allogeneic or DLI; empty: the patient (autologous)' };
const DOSE_FIELDS = {
  'plasma-exchange': [
    { name: 'procedure.plasmaVolumes', label: 'Plasma volumes to exchange', unit: 'PV', value: '1.0', hint: 'Usually 1.0–1.5' },
    { name: 'procedure.replacement.albuminPercent', label: 'Albumin 5 % in replacement', unit: '%', value: '100' },
    { name: 'procedure.replacement.plasmaPercent', label: 'Donor plasma in replacement', unit: '%', value: '0' },
    { name: 'procedure.fluidBalancePercent', label: 'Fluid balance', unit: '%', value: '100', hint: 'Replacement as % of plasma removed' },
  ],
  leukocytapheresis: [
    BVP('2.0'),
    { name: 'procedure.target.wbcE9PerL', label: 'Target white cell count after', unit: '×10⁹/L', value: '', hint: 'Or a volume to process' },
  ],
  'hpc-collection': [
    BVP(''),
    { name: 'procedure.target.cd34PerKg', label: 'Target CD34+ per recipient kg', unit: '/kg', value: '5e6', hint: 'e.g. 5e6' }, CE, RECIPIENT,
  ],
  'lymphocyte-collection': [
    BVP(''),
    { name: 'procedure.target.cd3PerKgDoses', label: 'Target CD3+ doses per recipient kg', unit: '/kg', value: '1e6, 5e6, 1e7', kind: 'list', hint: 'One per planned infusion, separated by commas' },
    CE, RECIPIENT,
  ],
  'granulocyte-collection': [
    BVP(''),
    { name: 'procedure.target.granulocytes', label: 'Target granulocytes', unit: 'cells', value: '4e10', hint: 'e.g. 4e10' },
    { name: 'procedure.sedimentingAgent', label: 'Sedimenting agent', type: 'select', options: [['hes', 'HES (hydroxyethyl starch)'], ['none', 'None']], value: 'hes' },
    CE, RECIPIENT,
  ],
  'ivig-infusion': [
    { name: 'procedure.doseGPerKg', label: 'Total dose', unit: 'g/kg', value: '2.0' },
    { name: 'procedure.days', label: 'Over', unit: 'days', value: '5' },
    { name: 'procedure.productPercent', label: 'Product strength', unit: '%', value: '10' },
  ],
};
/** The labs each type needs (plan-v1); shown first among the patient values. */
const REQUIRED_LABS = {
  'plasma-exchange': [], leukocytapheresis: ['wbcE9PerL'], 'hpc-collection': ['cd34PerUl'], 'lymphocyte-collection': ['cd3PerUl'],
  'granulocyte-collection': ['neutrophilsE9PerL'], 'ivig-infusion': ['iggGPerL'],
};
/** Apheresis settings that mean nothing for an infusion. */
const SEPARATOR_FIELDS = ['procedure.device', 'procedure.inletFlowMlPerMin', 'procedure.acRatio'];
const LIST_FIELDS = new Set(['procedure.target.cd3PerKgDoses']);
const TEXT_FIELDS = new Set(['procedure.type', 'procedure.device', 'procedure.sedimentingAgent']);

function setPath(obj, path, value) {
  const segs = path.split('.');
  let o = obj;
  for (const s of segs.slice(0, -1)) o = (o[s] = o[s] || {});
  o[segs[segs.length - 1]] = value;
}

export async function render(main, ctx, [patientId]) {
  const standalone = !patientId; // #/plan: the planner without a patient record, for any planning role
  const [p, labData, catalog] = await Promise.all([
    standalone ? {} : get(`/api/patients/${encodeURIComponent(patientId)}`),
    standalone ? [] : get(`/api/patients/${encodeURIComponent(patientId)}/labs`).catch(() => []),
    ctx.loadCatalog(),
  ]);
  const labs = { ...latestLabs(labRows(labData)), ...(p.labs || {}) };
  const ageYears = p.birthDate ? Math.floor((Date.now() - new Date(p.birthDate + 'T00:00:00')) / (365.2425 * 864e5)) : undefined;

  const table = catalog.indications || catalog.indicationTable || catalog.guidelines || [];
  const indications = list(table, 'indications');
  const codeOf = (i) => (Array.isArray(i.icd10) ? i.icd10[0] : i.icd10) || i.code || i.id;
  const textOf = (i) => i.indication || i.text || i.name || i.disease || '';
  const indicationOptions = [['', 'Choose an indication…'], ...indications.map((i) => [codeOf(i), `${textOf(i)}${i.category ? ` — ASFA category ${i.category}${i.grade ? `, grade ${i.grade}` : ''}` : ''} (${codeOf(i)})`])];

  const doseBox = h('div', { class: 'fields' });
  const form = h('form', { id: 'order-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('div', { id: 'patient-slot' }),
    standalone ? null : h('fieldset', {}, h('legend', {}, 'Indication'),
      h('div', { class: 'fields wide' },
        indications.length ? field({ name: 'indication.code', label: 'Indication (ASFA 2023)', type: 'select', options: indicationOptions, onchange: onIndication })
          : field({ name: 'indication.code', label: 'ICD-10 code', placeholder: 'e.g. G35' }),
        field({ name: 'indication.text', label: 'Indication in words', placeholder: 'e.g. Multiple sclerosis, steroid-refractory relapse' }))),
    h('fieldset', {}, h('legend', {}, 'Procedure and dose'),
      h('div', { class: 'fields' },
        field({ name: 'procedure.type', label: 'Procedure', type: 'select', options: TYPES, value: 'plasma-exchange', onchange: () => { drawDose(); replan(); } }),
        field({ name: 'procedure.device', label: 'Separator', type: 'select', options: [['continuous-flow', 'Continuous flow'], ['intermittent-flow', 'Intermittent flow (bowl)']] }),
        field({ name: 'procedure.inletFlowMlPerMin', label: 'Inlet flow', unit: 'mL/min', type: 'number', hint: 'Empty: device default within AC limit' }),
        field({ name: 'procedure.acRatio', label: 'Inlet : AC ratio', unit: ': 1', type: 'number', hint: 'Empty: procedure default' })),
      h('div', { style: 'height:.75rem' }), doseBox),
    h('fieldset', {}, h('legend', {}, 'Course'),
      h('div', { class: 'fields' },
        field({ name: 'schedule.sessions', label: 'Sessions', unit: 'sessions', type: 'number', value: '5', min: 1 }),
        field({ name: 'schedule.intervalHours', label: 'Every', unit: 'h', type: 'number', value: '48' }))),
    standalone ? h('p', { class: 'small muted' }, 'A what-if plan: nothing is saved. To prescribe, open the patient and choose New order.') : h('div', {},
      h('div', { class: 'actions' },
        h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'create-order' }, 'Create order'),
        h('a', { class: 'btn btn-ghost', href: `#/patients/${encodeURIComponent(patientId)}` }, 'Cancel')),
      h('p', { class: 'small muted', style: 'margin-top:.5rem' }, 'The order is created unsigned; you sign it on the next page after reviewing the plan.')));

  function onIndication() {
    const code = form.querySelector('[name="indication.code"]').value;
    const ind = indications.find((i) => codeOf(i) === code);
    const text = form.querySelector('[name="indication.text"]');
    if (ind && !text.value) text.value = textOf(ind);
    const type = ind && (ind.procedureType || ind.procedure);
    if (type && TYPES.some(([t]) => t === type)) { form.querySelector('[name="procedure.type"]').value = type; drawDose(); }
    replan();
  }
  function drawDose() {
    const type = form.querySelector('[name="procedure.type"]').value;
    const keep = values(doseBox);
    clear(doseBox).append(...(DOSE_FIELDS[type] || []).map((f) => field({ ...f, type: f.type || (f.kind === 'list' ? 'text' : 'number'),
      value: keep[f.name] !== undefined && keep[f.name] !== '' ? keep[f.name] : f.value })));
    for (const name of SEPARATOR_FIELDS) {
      const el = form.querySelector(`[name="${name}"]`);
      el.disabled = type === 'ivig-infusion'; // an infusion has no separator; disabled inputs are not sent
      el.closest('.field').hidden = type === 'ivig-infusion';
    }
    if (!sessionsTouched) form.querySelector('[name="schedule.sessions"]').value = type === 'plasma-exchange' ? '5' : '1';
    markRequiredLabs(type);
  }
  let sessionsTouched = false;
  form.querySelector('[name="schedule.sessions"]').addEventListener('input', () => { sessionsTouched = true; });
  function markRequiredLabs(type) {
    for (const el of form.querySelectorAll('[data-required-lab]')) el.remove();
    const need = REQUIRED_LABS[type] || [];
    for (const k of need) {
      const input = form.querySelector(`[name="patient.labs.${k}"]`);
      if (input) input.closest('.field').querySelector('label').append(h('span', { class: 'required-lab', dataset: { requiredLab: k } }, ' · needed'));
    }
    if (usedBox) drawUsed(type);
  }
  let usedBox = null;
  /** The record's values the plan uses; a lab the type needs and the record lacks is named with a link to record it. */
  function drawUsed(type) {
    const missing = (REQUIRED_LABS[type] || []).filter((k) => labs[k] === undefined);
    clear(usedBox).append(...[h('dl', { class: 'facts small' },
      h('dt', {}, 'Sex, age'), h('dd', {}, `${label(p.sex)}, ${ageYears ?? '—'} y`),
      h('dt', {}, 'Height, weight'), h('dd', {}, `${num(p.heightCm, 0)} cm, ${num(p.weightKg, 1)} kg`),
      ...LAB_FIELDS.filter(([k]) => labs[k] !== undefined).flatMap(([k, n, u]) => [h('dt', {}, n), h('dd', {}, `${num(labs[k])} ${u}`)])),
    missing.length ? h('div', { class: 'alert alert-warning', id: 'missing-labs', role: 'status', style: 'margin-top:.5rem' },
      h('p', {}, `${procedureName(type)} needs ${missing.map((k) => LAB_FIELDS.find(([f]) => f === k)).map(([, n, u]) => `${n} (${u})`).join(', ')}, which the record does not have. `,
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
      const value = TEXT_FIELDS.has(k) ? val : LIST_FIELDS.has(k) ? val.split(/[\s,;]+/).filter(Boolean).map(toNumber) : toNumber(val);
      if (k.startsWith('recipient.')) setPath(recipient, k.slice('recipient.'.length), value);
      else setPath(procedure, k.slice('procedure.'.length), value);
    }
    const sessions = toNumber(v['schedule.sessions']);
    const schedule = sessions !== undefined ? { sessions, intervalHours: toNumber(v['schedule.intervalHours']) } : undefined;
    return { procedure, schedule, recipient: Object.keys(recipient).length ? recipient : undefined,
      indication: { code: v['indication.code'], text: v['indication.text'] } };
  }

  const recordPatient = {
    sex: p.sex, ageYears, heightCm: p.heightCm, weightKg: p.weightKg, hematocritPercent: labs.hematocritPercent,
    labs: Object.fromEntries(Object.entries(labs).filter(([k]) => k !== 'hematocritPercent')),
  };
  const patientFields = standalone ? h('fieldset', { id: 'patient-values' }, h('legend', {}, 'Patient'),
    h('div', { class: 'fields' },
      field({ name: 'patient.sex', label: 'Sex', type: 'select', options: [['female', 'Female'], ['male', 'Male']] }),
      field({ name: 'patient.ageYears', label: 'Age', unit: 'years', type: 'number', value: '45' }),
      field({ name: 'patient.heightCm', label: 'Height', unit: 'cm', type: 'number', value: '170' }),
      field({ name: 'patient.weightKg', label: 'Weight', unit: 'kg', type: 'number', value: '70' }),
      LAB_FIELDS.map(([k, n, u]) => field({ name: k === 'hematocritPercent' ? 'patient.hematocritPercent' : `patient.labs.${k}`, label: n, unit: u, type: 'number',
        value: { hematocritPercent: '40', iggGPerL: '10', fibrinogenGPerL: '3', albuminGPerL: '40', plateletsE9PerL: '250', ionizedCalciumMmolPerL: '1.2',
          wbcE9PerL: '7', neutrophilsE9PerL: '4', lymphocytesE9PerL: '2', cd34PerUl: '40', cd3PerUl: '1200' }[k] || '' })))) : null;
  function patientBlock() {
    if (!standalone) return recordPatient;
    const v = values(form);
    const out = { labs: {} };
    for (const [k, val] of Object.entries(v)) {
      if (!k.startsWith('patient.') || val === '') continue;
      setPath(out, k.slice('patient.'.length), k === 'patient.sex' ? val : toNumber(val));
    }
    return out;
  }
  if (patientFields) form.querySelector('#patient-slot').replaceWith(patientFields);
  markRequiredLabs(form.querySelector('[name="procedure.type"]').value);
  const planBox = h('div', { id: 'live-plan', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Computing the plan…'));
  let seq = 0;
  const replan = debounce(async () => {
    const mine = ++seq;
    const { procedure, schedule, recipient } = read();
    const request = { patient: patientBlock(), recipient, procedure };
    try {
      const planP = post('/api/plans?timeline=true', request);
      const courseP = schedule && schedule.sessions > 1 ? post('/api/courses', { ...request, schedule }) : Promise.resolve(null);
      const [plan, course] = await Promise.all([planP, courseP]);
      if (mine !== seq) return;
      clearProblems(form);
      clear(planBox).append(renderPlan(plan, course, { live: true }));
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
  form.addEventListener('input', replan);
  form.addEventListener('change', replan);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (standalone) return;
    clearProblems(form);
    const { procedure, schedule, indication, recipient } = read();
    try {
      const order = await post('/api/orders', { patientId, indication, procedure, recipient, schedule: schedule && schedule.sessions > 1 ? schedule : undefined });
      toast('Order created — review and sign');
      ctx.go(`/orders/${encodeURIComponent(order.id)}`);
    } catch (e) {
      showProblems(form, e);
    }
  });

  usedBox = h('div', { id: 'patient-used' });
  drawUsed(form.querySelector('[name="procedure.type"]').value);
  const used = usedBox;

  main.append(h('div', { class: 'page-head' },
    standalone ? h('div', {}, h('h1', {}, 'Planner'), h('div', { class: 'sub' }, 'Plan a procedure or a course for any patient; the plan updates as you type.'))
      : h('div', {}, h('h1', {}, 'New order'), h('div', { class: 'sub' }, `${patientName(p)} · MRN ${p.mrn} · born ${date(p.birthDate)}`))),
  h('div', { class: 'split' },
    h('div', {},
      h('section', { class: 'panel' }, form),
      standalone ? null : h('section', { class: 'panel' }, h('h3', {}, 'Patient values the plan uses'), used,
        h('p', { class: 'small muted', style: 'margin-top:.5rem' }, 'From the patient record and the latest labs. ',
          h('a', { href: `#/patients/${encodeURIComponent(patientId)}` }, 'Update them on the patient’s page.')))),
    h('section', { class: 'panel sticky', 'aria-labelledby': 'h-plan' }, h('h2', { id: 'h-plan' }, 'Plan'), planBox)));
  replan();
}
