// The lab's inventory of cell products: every product by status, where it is stored (the freezer map groups
// stored products by their storage unit and position), and what expires soon. One click to a product.
import { get } from '../api.js';
import { h, chip, dateTime, label, num } from '../ui.js';

const STATUSES = ['quarantine', 'release-pending', 'released', 'issued', 'infused', 'discarded', 'divided'];

export async function render(main, ctx) {
  const [products, patients] = await Promise.all([get('/api/products'), get('/api/patients').catch(() => [])]);
  const names = new Map(patients.map((p) => [p.id, `${p.familyName}, ${p.givenName}`]));
  const filter = h('select', { id: 'status-filter', name: 'status' },
    h('option', { value: '' }, 'In stock (quarantine, release pending, released)'),
    h('option', { value: 'all' }, 'All'),
    STATUSES.map((s) => h('option', { value: s }, label(s))));
  const tbody = h('tbody');
  const draw = () => {
    const f = filter.value;
    const shown = products.filter((p) => (f === 'all' ? true : f ? p.status === f
      : ['quarantine', 'release-pending', 'released'].includes(p.status)));
    tbody.replaceChildren(...shown.map((p) => h('tr', { class: 'clickable', onclick: () => ctx.go(`/products/${encodeURIComponent(p.id)}`) },
      h('td', {}, h('a', { href: `#/products/${encodeURIComponent(p.id)}`, class: 'din' }, p.din), p.division !== '00' ? h('span', { class: 'unit' }, ` division ${p.division}`) : null),
      h('td', {}, p.kindName),
      h('td', {}, chip(p.status, label(p.status))),
      h('td', {}, names.get(p.recipientId) || '—', p.autologous ? h('span', { class: 'unit' }, ' autologous') : null),
      h('td', {}, `${num(p.volumeMl, 0)} mL`),
      h('td', {}, p.location || '—'),
      h('td', {}, dateTime(p.expiresAt)))));
    if (!tbody.children.length) tbody.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No product here.')));
  };
  filter.addEventListener('change', draw);
  draw();

  // The freezer map: stored products by storage unit (the location's first part), sorted by position.
  const stored = products.filter((p) => p.location && ['quarantine', 'release-pending', 'released'].includes(p.status));
  const units = new Map();
  for (const p of stored) {
    const [unit, ...rest] = p.location.split('/').map((s) => s.trim());
    if (!units.has(unit)) units.set(unit, []);
    units.get(unit).push({ p, position: rest.join(' / ') || '—' });
  }
  const freezer = h('div', { class: 'panel', id: 'freezer-map' }, h('h2', {}, 'Freezer map'),
    units.size ? h('div', { class: 'grid grid-2' }, [...units.entries()].sort().map(([unit, items]) => h('div', { class: 'storage-unit' },
      h('h3', {}, unit),
      h('ul', { class: 'positions' }, items.sort((a, b) => a.position.localeCompare(b.position)).map(({ p, position }) =>
        h('li', {}, h('span', { class: 'position' }, position), ' ', h('a', { href: `#/products/${encodeURIComponent(p.id)}` }, p.din),
          p.division !== '00' ? ` ${p.division}` : '', ' ', chip(p.status, label(p.status)))))))) : h('p', { class: 'empty' }, 'Nothing is stored.'));

  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Cell products'), h('div', { class: 'sub' }, `${products.length} on record`)),
    h('div', { class: 'actions' }, h('label', { for: 'status-filter' }, 'Show'), filter)),
    h('div', { class: 'panel' }, h('div', { class: 'table-wrap' }, h('table', { id: 'products-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'DIN'), h('th', {}, 'Product'), h('th', {}, 'Status'), h('th', {}, 'Recipient'),
        h('th', {}, 'Volume'), h('th', {}, 'Stored in'), h('th', {}, 'Expires'))),
      tbody))),
    freezer);
}
