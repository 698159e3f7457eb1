// Create or edit a patient. Validation problems land beside their inputs; what was typed stays.
import { get, post, put } from '../api.js';
import { h, field, dateField, timeField, checkbox, values, toNumber, showProblems, clearProblems, toast, localIsoNow, todayIso, instantOf } from '../ui.js';
import { labFields, patientBody } from './patient.js';
import { patientName } from './common.js';

const splitList = (s) => (s || '').split(/[\n;,]+/).map((x) => x.trim()).filter(Boolean);

export async function render(main, ctx, [id]) {
  const p = id ? await get(`/api/patients/${encodeURIComponent(id)}`) : {};
  // clinical values (body size, history, labs) are recorded by clinical staff; a coordinator edits the rest
  const clinical = ctx.can.editClinical();
  const form = h('form', { id: 'patient-form', novalidate: true },
    h('div', { class: 'form-errors', 'aria-live': 'polite' }),
    h('fieldset', {}, h('legend', {}, 'Identity'),
      h('div', { class: 'fields' },
        field({ name: 'mrn', label: 'Medical record number', value: p.mrn, required: true }),
        field({ name: 'givenName', label: 'Given name', value: p.givenName, required: true }),
        field({ name: 'familyName', label: 'Family name', value: p.familyName, required: true }),
        dateField({ name: 'birthDate', label: 'Date of birth', value: p.birthDate, required: true }),
        field({ name: 'sex', label: 'Sex', type: 'select', value: p.sex || '', options: [['', 'Choose…'], ['female', 'Female'], ['male', 'Male']], required: true }),
        field({ name: 'kind', label: 'Kind', type: 'select', value: p.kind || 'patient', options: [['patient', 'Patient'], ['donor', 'Donor']] }))),
    !clinical ? h('p', { class: 'small muted' }, 'Body size, allergies, medications and labs are recorded by a physician or nurse.') : null,
    !clinical ? null : h('fieldset', {}, h('legend', {}, 'Body size'),
      h('div', { class: 'fields' },
        field({ name: 'heightCm', label: 'Height', unit: 'cm', type: 'number', value: p.heightCm, hint: 'needed before a procedure can be planned' }),
        field({ name: 'weightKg', label: 'Weight', unit: 'kg', type: 'number', value: p.weightKg, hint: 'needed before a procedure can be planned' }))),
    !clinical ? null : h('fieldset', {}, h('legend', {}, 'Allergies, medications and conditions'),
      h('div', { class: 'fields wide' },
        field({ name: 'allergies', label: 'Allergies', type: 'textarea', value: (p.allergies || []).join('\n'), hint: 'One per line. Leave empty if none known.' }),
        field({ name: 'medications', label: 'Current medications', type: 'textarea', value: (p.medications || []).join('\n'), hint: 'One per line, e.g. “ramipril 5 mg daily”.' }),
        field({ name: 'conditions', label: 'Conditions', type: 'textarea', value: (p.conditions || []).join('\n'), hint: 'Diagnoses and past conditions, one per line, e.g. “systemic lupus erythematosus”, “aphakia”: the order’s checks read them.' })),
      h('div', { class: 'fields wide', style: 'margin-top:.75rem' },
        checkbox({ name: 'aceInhibitor', label: 'Takes an ACE inhibitor (risk of reactions during apheresis)', checked: p.aceInhibitor }),
        checkbox({ name: 'plasmaAllergy', label: 'Previous allergic reaction to plasma', checked: p.plasmaAllergy }))),
    id || !clinical ? null : h('fieldset', {}, h('legend', {}, 'Baseline labs (optional)'),
      h('div', { class: 'fields' },
        dateField({ name: 'labsTakenDate', label: 'Taken on', value: todayIso() }),
        timeField({ name: 'labsTakenTime', label: 'at', value: localIsoNow().slice(11, 16) }),
        labFields().map(([k, n, u]) => field({ name: `labs.${k}`, label: n, unit: u, type: 'number' })))),
    h('div', { class: 'actions' },
      h('button', { class: 'btn btn-primary btn-lg', type: 'submit', id: 'save-patient' }, id ? 'Save changes' : 'Create patient'),
      h('a', { class: 'btn btn-ghost', href: id ? `#/patients/${encodeURIComponent(id)}` : '#/patients' }, 'Cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const body = { ...(id ? patientBody(p, clinical) : {}), mrn: v.mrn, givenName: v.givenName, familyName: v.familyName, birthDate: v.birthDate || null,
      sex: v.sex || null, kind: v.kind };
    if (clinical) Object.assign(body, { heightCm: toNumber(v.heightCm) ?? null, weightKg: toNumber(v.weightKg) ?? null,
      allergies: splitList(v.allergies), medications: splitList(v.medications), conditions: splitList(v.conditions), aceInhibitor: !!v.aceInhibitor, plasmaAllergy: !!v.plasmaAllergy });
    if (!id && clinical) {
      const labs = {};
      for (const [k] of labFields()) if (v[`labs.${k}`]) labs[k] = toNumber(v[`labs.${k}`]);
      if (Object.keys(labs).length) { body.labs = labs; body.labsTakenAt = instantOf(v.labsTakenDate, v.labsTakenTime) || `${v.labsTakenDate}T${v.labsTakenTime}`; }
    }
    try {
      const saved = id ? await put(`/api/patients/${encodeURIComponent(id)}`, body) : await post('/api/patients', body);
      toast(id ? 'Patient saved' : 'Patient created');
      ctx.go(`/patients/${encodeURIComponent(saved.id)}`);
    } catch (e) {
      showProblems(form, e);
    }
  });
  main.append(h('div', { class: 'page-head' }, h('div', {},
    h('h1', {}, id ? `Edit ${patientName(p)}` : 'New patient'),
    h('div', { class: 'sub' }, 'Fields marked by the server as wrong are shown beside the field.'))),
  h('div', { class: 'panel' }, form));
}
