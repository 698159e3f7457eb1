// The unit: its machines (separators) and its chairs and beds, the lists staff book sessions on. The
// administrator adds them and takes them out of service; a machine says which procedures it is set up for.
import { get, post, put } from '../api.js';
import { h, field, checkbox, values, showProblems, clearProblems, toast, chip } from '../ui.js';
import { procedureName } from './common.js';

export async function render(main, ctx) {
  const [machines, chairs] = await Promise.all([get('/api/machines'), get('/api/chairs')]);
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
      machineForm),
    h('section', { class: 'panel', 'aria-labelledby': 'h-chairs' }, h('h2', { id: 'h-chairs' }, 'Chairs and beds'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'chairs' },
        h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Status', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, chairs.map((c) => h('tr', { dataset: { chair: c.name } }, h('td', {}, c.name), h('td', {}, c.bed ? 'Bed' : 'Chair'),
          h('td', {}, c.active ? chip('completed', 'In service') : chip('aborted', 'Out of service')),
          h('td', {}, h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => toggle(`/api/chairs/${encodeURIComponent(c.id)}`, c,
            { name: c.name, bed: c.bed }) }, c.active ? 'Take out of service' : 'Put back in service'))))))),
      chairForm));
}
