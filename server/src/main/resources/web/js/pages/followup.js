// Follow-up after donor lymphocyte infusion: a physician records the acute GVHD findings of a visit and its
// chimerism results; the server stages each organ and grades the visit by the MAGIC criteria (Harris 2016) and
// answers every stage with the rule that gave it. The page shows the records, the latest visit first, as stored.
// Beside them, chronic GVHD: the eight NIH organ scores of an assessment, the global severity the server computes
// (NIH 2014 consensus, Jagasia 2015) with its rule, and the trend of the recorded severity.
import { get, post } from '../api.js';
import { h, clear, field, dateField, timeField, checkbox, values, toNumber, showProblems, clearProblems, toast, dateTime, date,
  localIsoNow, todayIso, instantOf, num, chip, errorPanel } from '../ui.js';
import { patientName } from './common.js';

const COMPARTMENTS = [['whole-blood', 'Whole blood'], ['cd3-t-cells', 'CD3+ T cells'], ['cd33-myeloid', 'CD33+ myeloid cells']];

export async function render(main, ctx, [id]) {
  const base = `/api/patients/${encodeURIComponent(id)}`;
  let p;
  let visits;
  let chronic;
  try {
    [p, visits, chronic] = await Promise.all([get(base), get(`${base}/follow-ups`), get(`${base}/chronic-gvhd`)]);
  } catch (e) {
    main.append(errorPanel(e));
    return;
  }
  const list = h('section', { class: 'panel', id: 'follow-up-list', 'aria-labelledby': 'h-visits' });
  list.append(h('h2', { id: 'h-visits' }, 'Acute GVHD visits'), ...[].concat(visitList(visits)));
  const chronicList = h('section', { class: 'panel', id: 'chronic-gvhd-list', 'aria-labelledby': 'h-chronic' },
    h('h2', { id: 'h-chronic' }, 'Chronic GVHD assessments'),
    h('p', { id: 'chronic-gvhd-trend' }, chronic.trend.summary),
    ...[].concat(chronicList_(chronic.assessments)));
  main.append(h('div', { class: 'page-head' }, h('div', {},
    h('h1', {}, `Follow-up: ${patientName(p)}`),
    h('div', { class: 'sub' }, 'Acute GVHD staged and graded by the MAGIC criteria (Harris 2016); chimerism after donor lymphocyte infusion; chronic GVHD scored by the NIH 2014 consensus (Jagasia 2015).')),
  h('div', { class: 'actions' }, h('a', { class: 'btn btn-ghost', href: `#/patients/${encodeURIComponent(id)}` }, 'Back to patient'))));
  if (ctx.can.followUp()) {
    const reload = async () => { clear(main); await render(main, ctx, [id]); };
    main.append(h('section', { class: 'panel', 'aria-labelledby': 'h-record' }, h('h2', { id: 'h-record' }, 'Record a visit'),
      visitForm(base, visits, reload)),
    h('section', { class: 'panel', 'aria-labelledby': 'h-record-chronic' },
      h('h2', { id: 'h-record-chronic' }, 'Record a chronic GVHD assessment'), chronicForm(base, reload, chronic.assessments)));
  } else {
    main.append(h('p', { class: 'small muted' }, 'Follow-up visits are recorded by a physician.'));
  }
  main.append(h('div', { class: 'grid grid-2' }, list, chronicList));
}

function chimerismRow(i) {
  return h('div', { class: 'fields', dataset: { row: String(i) } },
    field({ name: `chimerism.${i}.compartment`, label: 'Compartment', type: 'select', value: '',
      options: [['', 'No result'], ...COMPARTMENTS] }),
    field({ name: `chimerism.${i}.donorPercent`, label: 'Donor cells', unit: '%', type: 'number' }),
    dateField({ name: `chimerism.${i}.sampledOn`, label: 'Sampled on', value: todayIso() }));
}

function visitForm(base, visits, reload) {
  const rows = h('div', {}, chimerismRow(0), chimerismRow(1), chimerismRow(2));
  const current = visits.filter((v) => v.current);
  const form = h('form', { id: 'follow-up-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('fieldset', {}, h('legend', {}, 'Visit'), h('div', { class: 'fields' },
      dateField({ name: 'visitAt', label: 'Seen on', value: todayIso(), required: true }),
      timeField({ name: 'visitAtTime', label: 'at', value: localIsoNow().slice(11, 16), required: true }))),
    h('fieldset', {}, h('legend', {}, 'Skin'), h('div', { class: 'fields' },
      field({ name: 'skin.activeRashBodySurfacePercent', label: 'Active rash', unit: '% BSA', type: 'number', required: true,
        hint: 'body surface area of active (erythematous) rash only' }),
      checkbox({ name: 'skin.generalizedErythrodermaWithBullaeAndDesquamation',
        label: 'Generalized erythroderma with bullous formation and desquamation (over 5 % BSA)' }))),
    h('fieldset', {}, h('legend', {}, 'Liver'), h('div', { class: 'fields' },
      field({ name: 'liver.totalBilirubin', label: 'Total bilirubin', type: 'number', required: true }),
      field({ name: 'liver.unit', label: 'Unit of the result', type: 'select', value: 'mg/dL',
        options: [['mg/dL', 'mg/dL'], ['umol/L', 'µmol/L']] }))),
    h('fieldset', {}, h('legend', {}, 'Upper GI'), h('div', { class: 'fields' },
      checkbox({ name: 'upperGi.persistentNauseaVomitingOrAnorexia', label: 'Persistent nausea, vomiting or anorexia' }))),
    h('fieldset', {}, h('legend', {}, 'Lower GI'), h('div', { class: 'fields' },
      field({ name: 'lowerGi.stoolOutput', label: 'Stool output (3-day average)', type: 'number',
        hint: 'leave empty only when a stage 4 sign is ticked' }),
      field({ name: 'lowerGi.column', label: 'Unit', type: 'select', value: 'adult',
        options: [['adult', 'mL/day (adult, over 50 kg)'], ['child', 'mL/kg/day (child)']] }),
      checkbox({ name: 'lowerGi.severeAbdominalPainWithOrWithoutIleus', label: 'Severe abdominal pain, with or without ileus' }),
      checkbox({ name: 'lowerGi.grosslyBloodyStool', label: 'Grossly bloody stool' }))),
    h('fieldset', {}, h('legend', {}, 'Chimerism'), rows),
    h('fieldset', {}, h('legend', {}, 'Correction (only to correct a record)'), h('div', { class: 'fields wide' },
      field({ name: 'corrects', label: 'Corrects the record of', type: 'select', value: '',
        options: [['', 'Not a correction'], ...current.map((v) => [v.id, `${dateTime(v.visitAt)} (grade ${v.grade})`])] }),
      field({ name: 'correctionReason', label: 'Reason for the correction', type: 'textarea', rows: 2 }))),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'save-follow-up' }, 'Record visit')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const bilirubin = toNumber(v['liver.totalBilirubin']);
    const stool = toNumber(v['lowerGi.stoolOutput']);
    const body = {
      visitAt: instantOf(v.visitAt, v.visitAtTime) || `${v.visitAt}T${v.visitAtTime}`,
      skin: { activeRashBodySurfacePercent: toNumber(v['skin.activeRashBodySurfacePercent']) ?? null,
        generalizedErythrodermaWithBullaeAndDesquamation: !!v['skin.generalizedErythrodermaWithBullaeAndDesquamation'] },
      liver: v['liver.unit'] === 'umol/L' ? { totalBilirubinMicromolPerL: bilirubin ?? null } : { totalBilirubinMgPerDl: bilirubin ?? null },
      upperGi: { persistentNauseaVomitingOrAnorexia: !!v['upperGi.persistentNauseaVomitingOrAnorexia'] },
      lowerGi: { severeAbdominalPainWithOrWithoutIleus: !!v['lowerGi.severeAbdominalPainWithOrWithoutIleus'],
        grosslyBloodyStool: !!v['lowerGi.grosslyBloodyStool'] },
      chimerism: [],
    };
    if (stool !== undefined) body.lowerGi[v['lowerGi.column'] === 'child' ? 'stoolOutputMlPerKgPerDay' : 'stoolOutputMlPerDay'] = stool;
    // the server names chimerism[n] by its place in the list sent; map it back to the row on the page
    const aliases = { 'liver.totalBilirubinMgPerDl': 'liver.totalBilirubin', 'liver.totalBilirubinMicromolPerL': 'liver.totalBilirubin',
      'lowerGi.stoolOutputMlPerDay': 'lowerGi.stoolOutput', 'lowerGi.stoolOutputMlPerKgPerDay': 'lowerGi.stoolOutput' };
    for (let row = 0; row < 3; row++) {
      const compartment = v[`chimerism.${row}.compartment`];
      if (!compartment) continue;
      const n = body.chimerism.length;
      for (const k of ['compartment', 'donorPercent', 'sampledOn']) aliases[`chimerism[${n}].${k}`] = `chimerism.${row}.${k}`;
      body.chimerism.push({ compartment, donorPercent: toNumber(v[`chimerism.${row}.donorPercent`]) ?? null,
        sampledOn: v[`chimerism.${row}.sampledOn`] || null });
    }
    if (!body.chimerism.length) delete body.chimerism; // a visit without a chimerism result sends none
    if (v.corrects) { body.corrects = v.corrects; body.correctionReason = v.correctionReason || null; }
    try {
      const saved = await post(`${base}/follow-ups`, body);
      toast(`Visit recorded: acute GVHD grade ${saved.grade}`);
      await reload();
    } catch (e) {
      showProblems(form, e, aliases);
    }
  });
  return form;
}

function visitList(visits) {
  if (!visits.length) return h('p', { class: 'empty' }, 'No follow-up visit recorded yet.');
  return visits.map((v) => h('article', { class: 'panel', dataset: { visit: v.id }, 'aria-label': `Visit of ${dateTime(v.visitAt)}` },
    h('div', { class: 'panel-head' },
      h('h3', {}, dateTime(v.visitAt)),
      v.current ? null : chip('draft', 'corrected by a later record')),
    h('div', { class: 'kpis' }, h('div', { class: 'kpi grade' },
      h('div', { class: 'label' }, 'Acute GVHD overall grade'),
      h('div', { class: 'value', id: `grade-${v.id}` }, v.grade),
      h('div', { class: 'note' }, `${v.gradingSystem} (${v.gradingVersion})`))),
    h('p', { class: 'small' }, v.gradeRule),
    v.holdsNextDli && v.current ? h('div', { class: 'alert alert-warning', role: 'alert' }, h('h4', {}, 'Next DLI dose held'), h('p', {}, v.dliWarning)) : null,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Organ'), h('th', {}, 'Stage'), h('th', {}, 'Why'))),
      h('tbody', {}, v.stages.map((s) => h('tr', {}, h('td', {}, s.label), h('td', { class: 'num' }, String(s.stage)), h('td', {}, s.rule)))))),
    v.chimerism.length ? h('ul', {}, v.chimerism.map((c) => h('li', {},
      `${c.compartmentLabel}: ${num(c.donorPercent)} % donor, sampled ${date(c.sampledOn)}`))) : h('p', { class: 'small muted' }, 'No chimerism result.'),
    v.corrects ? h('p', { class: 'small' }, `Corrects an earlier record: ${v.correctionReason}`) : null,
    h('p', { class: 'small muted' }, `Source: ${v.source}. Recorded by ${v.recordedBy} on ${dateTime(v.recordedAt)}.`)));
}

// The NIH form's eight organs, in its order, with the API's names.
const CHRONIC_ORGANS = [['skin', 'Skin', 'the higher of the skin-features and body-surface scores'], ['mouth', 'Mouth'],
  ['eyes', 'Eyes'], ['giTract', 'GI tract'], ['liver', 'Liver'], ['lungs', 'Lungs', 'the score by FEV1'],
  ['jointsAndFascia', 'Joints and fascia'], ['genitalTract', 'Genital tract']];

function chronicForm(base, reload, assessments) {
  const standing = (assessments || []).filter((a) => a.current !== false);
  const form = h('form', { id: 'chronic-gvhd-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('fieldset', {}, h('legend', {}, 'Assessment'), h('div', { class: 'fields' },
      dateField({ name: 'assessedAt', label: 'Assessed on', value: todayIso(), required: true }),
      timeField({ name: 'assessedAtTime', label: 'at', value: localIsoNow().slice(11, 16), required: true }))),
    h('fieldset', {}, h('legend', {}, 'NIH organ scores (0 none to 3 severe)'), h('div', { class: 'fields' },
      CHRONIC_ORGANS.map(([k, n, hint]) => field({ name: `scores.${k}`, label: n, type: 'number', value: '0', min: 0, max: 3, required: true,
        hint: hint || null })))),
    h('fieldset', {}, h('legend', {}, 'Not counted: the whole abnormality explained by a documented non-GVHD cause'), h('div', { class: 'fields' },
      CHRONIC_ORGANS.map(([k, n]) => checkbox({ name: `nonGvhdCause.${k}`, label: n })))),
    h('fieldset', {}, h('legend', {}, 'Note'), h('div', { class: 'fields wide' },
      field({ name: 'note', label: 'Note', type: 'textarea', rows: 2 }))),
    standing.length ? h('fieldset', {}, h('legend', {}, 'Correction (only to correct an assessment)'), h('div', { class: 'fields wide' },
      field({ name: 'corrects', label: 'Corrects the assessment of', type: 'select', value: '',
        options: [['', 'Not a correction'], ...standing.map((a) => [a.id, `${dateTime(a.assessedAt)} (${a.severity})`])] }),
      field({ name: 'correctionReason', label: 'Reason for the correction', type: 'textarea', rows: 2 }))) : null,
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'save-chronic-gvhd' }, 'Record assessment')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const scores = {};
    for (const [k] of CHRONIC_ORGANS) scores[k] = toNumber(v[`scores.${k}`]) ?? null;
    const body = { assessedAt: instantOf(v.assessedAt, v.assessedAtTime) || `${v.assessedAt}T${v.assessedAtTime}`, scores,
      nonGvhdCause: CHRONIC_ORGANS.map(([k]) => k).filter((k) => v[`nonGvhdCause.${k}`]) };
    if (v.note) body.note = v.note;
    if (v.corrects) body.corrects = v.corrects;
    if (v.correctionReason) body.correctionReason = v.correctionReason;
    try {
      const saved = await post(`${base}/chronic-gvhd`, body);
      toast(`Chronic GVHD recorded: ${saved.severity}`);
      await reload();
    } catch (e) {
      showProblems(form, e, {});
    }
  });
  return form;
}

function chronicList_(assessments) {
  if (!assessments.length) return h('p', { class: 'empty' }, 'No chronic GVHD assessment recorded yet.');
  return assessments.map((a) => h('article', { class: 'panel', dataset: { assessment: a.id }, 'aria-label': `Chronic GVHD assessment of ${dateTime(a.assessedAt)}` },
    h('div', { class: 'panel-head' }, h('h3', {}, dateTime(a.assessedAt))),
    h('div', { class: 'kpis' }, h('div', { class: 'kpi grade' },
      h('div', { class: 'label' }, 'Chronic GVHD global severity'),
      h('div', { class: 'value', id: `severity-${a.id}` }, a.severity),
      h('div', { class: 'note' }, `${a.gradingSystem} (${a.gradingVersion})`))),
    h('p', { class: 'small' }, a.severityRule),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Organ'), h('th', {}, 'Score'), h('th', {}, 'Counted'))),
      h('tbody', {}, a.organs.map((o) => h('tr', {}, h('td', {}, o.label), h('td', { class: 'num' }, String(o.score)),
        h('td', {}, o.counted ? 'yes' : 'no: non-GVHD cause')))))),
    a.note ? h('p', { class: 'small' }, a.note) : null,
    a.corrects ? h('p', { class: 'small' }, `Corrects an earlier assessment: ${a.correctionReason}`) : null,
    a.current === false ? h('p', { class: 'alert alert-warning small corrected', role: 'note' },
      'Corrected by a later record: this assessment no longer counts for the latest severity or the trend.') : null,
    h('p', { class: 'small muted' }, `Source: ${a.source}. Recorded by ${a.recordedBy} on ${dateTime(a.recordedAt)}.`)));
}
