// The unit: its machines (separators) and its chairs and beds, the lists staff book sessions on. The
// administrator adds them and takes them out of the list; a machine says which procedures it is set up for. Below,
// the nurses' skills, the unit's rules the week is planned on (opening hours, the lab's cut-off, sessions per nurse, turnover) and the
// paper and language its printed documents take when a link names neither.
import { get, post, put } from '../api.js';
import { h, field, timeField, checkbox, values, showProblems, clearProblems, toast, chip } from '../ui.js';
import { procedureName } from './common.js';

export async function render(main, ctx) {
  const [machines, chairs, rules, printSettings, sheetLanguages, nurses, facility] = await Promise.all([get('/api/machines'), get('/api/chairs'),
    get('/api/schedule/rules'), get('/api/print-settings'), get('/api/patient-sheet/languages'), get('/api/schedule/nurses'), get('/api/facility')]);
  const separatorTypes = ctx.catalog.procedureTypes.filter((t) => t.onSeparator);
  const reload = () => ctx.go('/unit');

  const machineForm = h('form', { id: 'machine-form', novalidate: true },
    h('h3', {}, 'Add a machine'), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'name', label: 'Name', placeholder: 'e.g. Optia-4' }),
      field({ name: 'device', label: 'Kind', type: 'select', options: [['continuous-flow', 'Continuous flow'], ['intermittent-flow', 'Intermittent flow (bowl)']] }),
      field({ name: 'model', label: 'Make and model', placeholder: 'e.g. Spectra Optia' }),
      field({ name: 'serial', label: 'Serial number' })),
    h('fieldset', {}, h('legend', {}, 'Set up for'),
      h('div', { class: 'fields' }, separatorTypes.map((t) => checkbox({ name: `type.${t.code}`, label: t.name, checked: true })))),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'add-machine' }, 'Add machine')));
  machineForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(machineForm);
    const v = values(machineForm);
    try {
      await post('/api/machines', { name: v.name, device: v.device, model: v.model, serial: v.serial || undefined,
        procedureTypes: separatorTypes.filter((t) => v[`type.${t.code}`]).map((t) => t.code) });
      toast('Machine added');
      reload();
    } catch (e) { showProblems(machineForm, e); }
  });

  const chairForm = h('form', { id: 'chair-form', novalidate: true },
    h('h3', {}, 'Add a chair or bed'), h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'name', label: 'Name', placeholder: 'e.g. Chair 5' }),
      checkbox({ name: 'bed', label: 'A bed' })),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'add-chair' }, 'Add chair or bed')));
  chairForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(chairForm);
    const v = values(chairForm);
    try {
      await post('/api/chairs', { name: v.name, bed: !!v.bed });
      toast('Chair added');
      reload();
    } catch (e) { showProblems(chairForm, e); }
  });

  async function toggle(path, record, body) {
    if (!window.confirm(`${record.active ? 'Take' : 'Put'} ${record.name} ${record.active ? 'out of' : 'back into'} service?`)) return;
    try {
      await put(path, { ...body, active: !record.active, version: record.version });
      toast(`${record.name} ${record.active ? 'taken out of' : 'back in'} service`);
      reload();
    } catch (e) { toast(e.message); }
  }

  main.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'The unit'),
      h('div', { class: 'sub' }, `${machines.length} machines · ${chairs.length} chairs and beds`))),
    h('section', { class: 'panel', 'aria-labelledby': 'h-machines' }, h('h2', { id: 'h-machines' }, 'Machines'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'machines' },
        h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Model', 'Serial', 'Set up for', 'Status', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, machines.map((m) => h('tr', { dataset: { machine: m.name } },
          h('td', {}, m.name), h('td', {}, m.device === 'continuous-flow' ? 'Continuous flow' : 'Intermittent flow'),
          h('td', {}, m.model), h('td', {}, m.serial || '—'), h('td', { class: 'small' }, m.procedureTypes.map(procedureName).join(', ')),
          h('td', {}, m.active ? chip('completed', 'In service') : chip('aborted', 'Out of service')),
          h('td', {}, h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => toggle(`/api/machines/${encodeURIComponent(m.id)}`, m,
            { name: m.name, device: m.device, model: m.model, serial: m.serial || undefined, procedureTypes: m.procedureTypes }) },
          m.active ? 'Take out of service' : 'Put back in service'))))))),
      h('p', { class: 'muted' }, 'For a service visit or a repair, take a machine out of service for a time on the Week page’s rota: it stays in the list and nothing is booked on it then. “Take out of service” here takes it out of the list.'),
      machineForm),
    h('section', { class: 'panel', 'aria-labelledby': 'h-chairs' }, h('h2', { id: 'h-chairs' }, 'Chairs and beds'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'chairs' },
        h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Status', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, chairs.map((c) => h('tr', { dataset: { chair: c.name } }, h('td', {}, c.name), h('td', {}, c.bed ? 'Bed' : 'Chair'),
          h('td', {}, c.active ? chip('completed', 'In service') : chip('aborted', 'Out of service')),
          h('td', {}, h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => toggle(`/api/chairs/${encodeURIComponent(c.id)}`, c,
            { name: c.name, bed: c.bed }) }, c.active ? 'Take out of service' : 'Put back in service'))))))),
      chairForm),
    nursesPanel(ctx, nurses, reload),
    rulesPanel(ctx, rules, reload),
    facilityPanel(ctx, facility, reload),
    printPanel(ctx, printSettings, sheetLanguages, reload));
}

/**
 * The unit's ISBT 128 facility identification number (FIN, assigned by ICCBBA) and name: every cell product's DIN
 * begins with it, so no product can be made until it is set. Read by everyone, set by the administrator.
 */
function facilityPanel(ctx, facility, reload) {
  const edit = ctx.can.manageUnit();
  const form = h('form', { id: 'facility-form', novalidate: true }, h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'fin', label: 'Facility identification number (FIN)', value: facility.fin || '', placeholder: 'e.g. G1234',
        hint: 'five characters, as ICCBBA registered your facility' }),
      field({ name: 'name', label: 'Facility name', value: facility.name || '' })),
    edit ? h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'save-facility' }, 'Save')) : null);
  if (!edit) form.querySelectorAll('input').forEach((x) => { x.disabled = true; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    if (facility.fin && v.fin !== facility.fin && !window.confirm(`Change the FIN from ${facility.fin} to ${v.fin}? Products made from now on get DINs of ${v.fin}; those made already keep theirs.`)) return;
    try {
      await put('/api/facility', { fin: v.fin, name: v.name });
      toast('Facility saved');
      reload();
    } catch (e) { showProblems(form, e); }
  });
  const state = !facility.fin
    ? h('div', { class: 'alert alert-warning', id: 'facility-unset' }, 'Not set: no cell product can be made, and so no DIN or label printed, until it is.')
    : h('p', { class: 'muted', id: 'facility-set' }, `Set ${String(facility.setAt).slice(0, 16).replace('T', ' ')} by ${facility.setBy}.`,
      facility.fin === 'A9999' ? h('strong', {}, ' A9999 is the facility of the standard’s own examples (ST-001): set the FIN ICCBBA registered for your facility before labelling real products.') : null);
  return h('section', { class: 'panel', id: 'facility', 'aria-labelledby': 'h-facility' }, h('h2', { id: 'h-facility' }, 'Cell product labels (ISBT 128)'),
    h('p', { class: 'muted' }, 'Every product’s donation identification number (DIN) begins with the facility’s FIN, then the year and a sequence the system keeps; a changed FIN counts for products made after it.'),
    state, form);
}

/** The paper the unit's PDFs are laid out on and the patient sheet's language: read by everyone, changed by the administrator. */
function printPanel(ctx, settings, languages, reload) {
  const edit = ctx.can.manageUnit();
  const form = h('form', { id: 'print-settings-form', novalidate: true }, h('div', { class: 'form-errors' }),
    h('div', { class: 'fields' },
      field({ name: 'paper', label: 'Paper for printed documents', type: 'select', value: settings.paper, span: true,
        options: [['a4', 'A4 (210 × 297 mm)'], ['letter', 'US Letter (8.5 × 11 in)']],
        hint: 'the patient sheet, the plan and the session summary, when a link names no paper' }),
      field({ name: 'sheetLanguage', label: 'Language of the patient sheet', type: 'select', value: settings.sheetLanguage, span: true,
        options: languages.map((l) => [l.tag, l.name]), hint: 'a unit adds its language as data: see the documentation of the patient sheet' })),
    h('p', { class: 'muted' }, `Last changed ${String(settings.updatedAt).slice(0, 16).replace('T', ' ')} by ${settings.updatedBy}.`),
    edit ? h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'save-print-settings' }, 'Save')) : null);
  if (!edit) form.querySelectorAll('select').forEach((x) => { x.disabled = true; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    try {
      await put('/api/print-settings', { paper: v.paper, sheetLanguage: v.sheetLanguage, version: settings.version });
      toast('Saved: documents print on this paper from now on');
      reload();
    } catch (e) { showProblems(form, e); }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'h-print' }, h('h2', { id: 'h-print' }, 'Printed documents'), form);
}

/**
 * The nurses and the skills recorded for each: the week is planned on them (a session needs its procedure's skill,
 * paediatric for a child, central line for a catheter). Read by everyone, changed by the administrator, one nurse at a time.
 */
function nursesPanel(ctx, nurses, reload) {
  const skills = ctx.catalog.nurseSkills || [];
  const edit = ctx.can.manageUnit();
  const row = (n) => {
    const form = h('form', { class: 'inline-form', novalidate: true, dataset: { nurseSkills: n.username } }, h('div', { class: 'form-errors' }),
      ...skills.map((k) => checkbox({ name: `skill.${k.code}`, label: k.title, checked: n.skills.includes(k.code) })),
      edit ? h('button', { class: 'btn btn-secondary btn-sm', type: 'submit' }, 'Save') : null);
    if (!edit) form.querySelectorAll('input').forEach((x) => { x.disabled = true; });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const v = values(form);
      try {
        await put('/api/schedule/nurse-skills', { username: n.username, skills: skills.filter((k) => v[`skill.${k.code}`]).map((k) => k.code) });
        toast(`Skills of ${n.displayName} saved: plan the week again for them to count`);
        reload();
      } catch (e) { showProblems(form, e); }
    });
    return h('tr', { dataset: { nurse: n.username } }, h('td', {}, n.displayName, h('div', { class: 'muted small' }, n.username)), h('td', {}, form));
  };
  return h('section', { class: 'panel', id: 'nurse-skills', 'aria-labelledby': 'h-nurse-skills' }, h('h2', { id: 'h-nurse-skills' }, 'Nurses and their skills'),
    h('p', { class: 'muted' }, 'The week is planned on these: a session goes only to a nurse with its procedure’s skill, paediatric for a patient under 18, central line when the patient’s last access was a catheter. Record what your unit has signed each nurse off for.'),
    nurses.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Nurse'), h('th', {}, 'Skills'))),
      h('tbody', {}, nurses.map(row)))) : h('p', { class: 'empty' }, 'No active nurses: the administrator adds them as users.'));
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const hhmm = (t) => String(t || '').slice(0, 5);

/** The unit's rules for planning the week: read by everyone, changed by the administrator. */
function rulesPanel(ctx, rules, reload) {
  const open = (d) => rules.openingHours.find((x) => x.day === d);
  const edit = ctx.can.manageUnit();
  const form = h('form', { id: 'rules-form', novalidate: true }, h('div', { class: 'form-errors' }),
    h('table', { class: 'table', id: 'opening-hours' },
      h('thead', {}, h('tr', {}, ['Day', 'Open', 'Opens', 'Closes'].map((t) => h('th', {}, t)))),
      h('tbody', {}, DAYS.map((d) => h('tr', { dataset: { day: d } }, h('td', {}, d[0].toUpperCase() + d.slice(1)),
        h('td', {}, checkbox({ name: `open.${d}`, label: 'open', checked: !!open(d) })),
        h('td', {}, timeField({ name: `opens.${d}`, label: 'Opens', value: hhmm(open(d) && open(d).opens) || '07:30' })),
        h('td', {}, timeField({ name: `closes.${d}`, label: 'Closes', value: hhmm(open(d) && open(d).closes) || '18:00' })))))),
    h('div', { class: 'fields' },
      timeField({ name: 'labCutOff', label: 'Lab takes collections finished by', value: hhmm(rules.labCutOff) }),
      field({ name: 'maxPatientsPerNurse', label: 'Sessions one nurse runs at once', type: 'number', value: String(rules.maxPatientsPerNurse), min: 1, max: 6 }),
      field({ name: 'turnoverMin', label: 'Turnover between sessions (min)', type: 'number', value: String(rules.turnoverMin), min: 0, max: 120 }),
      field({ name: 'intervalToleranceMin', label: 'A course’s interval kept within (min)', type: 'number', value: String(rules.intervalToleranceMin), min: 0, max: 1440 }),
      field({ name: 'slotMin', label: 'Starts every (min)', type: 'number', value: String(rules.slotMin), min: 5, max: 60 }),
      field({ name: 'labTurnaroundMin', label: 'Lab results back after (min)', type: 'number', value: String(rules.labTurnaroundMin), min: 0, max: 480,
        hint: 'from a sample drawn on arrival; your lab’s own figure (the default 60 min is a placeholder, not a standard)' })),
    h('p', { class: 'muted' }, `Set-up and rinseback: ${rules.setUpAndRinsebackMin} min beyond each session’s run time (fixed: the bookings’ own overlap check uses it). Last changed ${String(rules.updatedAt).slice(0, 16).replace('T', ' ')} by ${rules.updatedBy}.`),
    edit ? h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'submit', id: 'save-rules' }, 'Save the rules')) : null);
  if (!edit) form.querySelectorAll('input').forEach((x) => { x.disabled = true; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const openDays = DAYS.filter((d) => v[`open.${d}`]);
    const aliases = {};
    openDays.forEach((d, i) => { aliases[`openingHours[${i}].opens`] = `opens.${d}`; aliases[`openingHours[${i}].closes`] = `closes.${d}`; });
    try {
      await put('/api/schedule/rules', { openingHours: openDays.map((d) => ({ day: d, opens: v[`opens.${d}`], closes: v[`closes.${d}`] })),
        labCutOff: v.labCutOff, maxPatientsPerNurse: Number(v.maxPatientsPerNurse), turnoverMin: Number(v.turnoverMin),
        intervalToleranceMin: Number(v.intervalToleranceMin), slotMin: Number(v.slotMin), labTurnaroundMin: Number(v.labTurnaroundMin),
        version: rules.version });
      toast('Rules saved: plan the week again for them to count');
      reload();
    } catch (e) { showProblems(form, e, aliases); }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'h-rules' }, h('h2', { id: 'h-rules' }, 'Planning rules'),
    h('p', { class: 'muted' }, 'The week is planned on these: sessions lie inside the opening hours, set-up and rinseback included; collections end by the lab’s cut-off; a course keeps its interval within the tolerance; a session whose order asks for pre-procedure labs that will not be current starts no earlier than opening plus the lab’s turnaround. They are the unit’s own conventions, not clinical facts.'),
    form);
}
