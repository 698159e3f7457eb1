// Patients and donors: a searchable list, one click to the patient's page.
import { get } from '../api.js';
import { h, date, ageYears, label } from '../ui.js';
import { patientName } from './common.js';

export async function render(main, ctx) {
  const patients = await get('/api/patients');
  const tbody = h('tbody');
  const search = h('input', { id: 'patient-search', type: 'search', placeholder: 'Name or MRN', autocomplete: 'off' });
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    tbody.replaceChildren(...patients
      .filter((p) => !q || `${p.familyName} ${p.givenName} ${p.mrn}`.toLowerCase().includes(q))
      .sort((a, b) => patientName(a).localeCompare(patientName(b)))
      .map((p) => h('tr', { class: 'clickable', onclick: () => ctx.go(`/patients/${encodeURIComponent(p.id)}`) },
        h('td', {}, h('a', { href: `#/patients/${encodeURIComponent(p.id)}` }, patientName(p))),
        h('td', {}, p.mrn || '—'),
        h('td', {}, date(p.birthDate), p.birthDate ? h('span', { class: 'unit' }, `${ageYears(p.birthDate)} y`) : null),
        h('td', {}, label(p.sex)),
        h('td', {}, label(p.kind || 'patient')))));
    if (!tbody.children.length) tbody.append(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, q ? 'No patient matches.' : 'No patients yet.')));
  };
  search.addEventListener('input', draw);
  draw();
  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Patients'), h('div', { class: 'sub' }, `${patients.length} on record`)),
    h('div', { class: 'actions' },
      h('label', { for: 'patient-search', class: 'sr-only' }, 'Search patients'), h('div', { class: 'input-wrap' }, search),
      ctx.can.editPatients(ctx.me.role) ? h('a', { class: 'btn btn-primary', href: '#/patients/new', id: 'new-patient' }, 'New patient') : null)),
    h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'MRN'), h('th', {}, 'Born'), h('th', {}, 'Sex'), h('th', {}, 'Kind'))),
      tbody))));
}
