// A storage unit's containers drawn as the grids the lab sees on the boxes (rows lettered from A, columns numbered
// from 1, A1 top left), from GET /api/storage-units/{id}/map. Two uses: the inventory's position map, where a taken
// position links to its product, and the store/move step's picker, where a free position is clicked to choose it.
import { get } from '../api.js';
import { h, label, dateTime, field } from '../ui.js';

const ROW_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A storage unit's kind (its temperature class) as staff name it. */
export const UNIT_KINDS = [['ln2', 'Liquid nitrogen (vapour phase)'], ['freezer', 'Mechanical freezer'],
  ['refrigerator', 'Refrigerator'], ['room', 'Room temperature']];
export function kindText(kind) {
  const k = UNIT_KINDS.find(([code]) => code === kind);
  return k ? k[1] : label(kind);
}

/** The unit's map: {unit, containers: [{id, name, rows, columns, capacity, free, occupied: [...]}], withoutPosition}. */
export function positionMap(unitId) {
  return get(`/api/storage-units/${encodeURIComponent(unitId)}/map`);
}

/** What a taken position shows: the DIN's sequence number (its last six digits) and its division when divided. */
function shortDin(slot) {
  const digits = String(slot.din || '').replace(/\s/g, '').slice(0, -1);
  return digits.slice(-6) + (slot.division && slot.division !== '00' ? ` ${slot.division}` : '');
}

/**
 * One container as a grid. opts.pick(position) makes free positions buttons that choose the position (opts.chosen
 * is marked); without it a taken position links to its product. opts.current names the position the product being
 * moved is in now (marked, not choosable).
 */
export function containerGrid(c, opts = {}) {
  const taken = new Map(c.occupied.map((s) => [s.position, s]));
  const head = h('tr', {}, h('th', { scope: 'col', class: 'corner' }, ''),
    Array.from({ length: c.columns }, (_, j) => h('th', { scope: 'col' }, String(j + 1))));
  const rows = Array.from({ length: c.rows }, (_, i) => h('tr', {}, h('th', { scope: 'row' }, ROW_LETTERS[i]),
    Array.from({ length: c.columns }, (_, j) => cell(c, `${ROW_LETTERS[i]}${j + 1}`, taken, opts))));
  return h('div', { class: 'container-map', dataset: { container: c.name, containerId: c.id } },
    h('h4', {}, c.name, h('span', { class: 'unit' }, ` · ${c.rows} × ${c.columns}, ${c.free} of ${c.capacity} free`)),
    h('div', { class: 'grid-wrap' }, h('table', { class: 'position-grid', 'aria-label': `${c.name}: positions` },
      h('thead', {}, head), h('tbody', {}, rows))));
}

function cell(c, position, taken, opts) {
  const slot = taken.get(position);
  if (slot) {
    const title = `${position}: ${slot.din}${slot.division !== '00' ? ` division ${slot.division}` : ''}, ${label(slot.kind)}, `
      + `${label(slot.status)}; stored ${dateTime(slot.storedAt)} by ${slot.storedBy}`;
    const mine = opts.current === position;
    const inner = opts.pick ? h('span', {}, shortDin(slot))
      : h('a', { href: `#/products/${encodeURIComponent(slot.productId)}` }, shortDin(slot));
    return h('td', { class: `pos taken status-${slot.status}${mine ? ' current' : ''}`, title: mine ? `${title} (this product, now)` : title,
      dataset: { position } }, inner);
  }
  if (!opts.pick) return h('td', { class: 'pos free', title: `${position}: free`, dataset: { position } }, '');
  const chosen = opts.chosen === position;
  return h('td', { class: `pos free${chosen ? ' chosen' : ''}`, dataset: { position } },
    h('button', { type: 'button', class: 'pick', 'aria-pressed': chosen ? 'true' : 'false',
      'aria-label': `${c.name} position ${position}, free`, onclick: () => opts.pick(position) }, position));
}

/**
 * The store or move step's "where": the storage unit (those that cannot hold the product as it is now are shown,
 * disabled, with the server's reason), then for a unit laid out in containers the container and a free position,
 * typed or clicked in the grid; for a unit not laid out, or elsewhere, the location as text. Only the fields of the
 * choice made are in the form, so the step posts either containerId and position or location.
 */
export function positionPicker(p) {
  const root = h('div', { class: 'span-2 position-picker', id: 'position-picker' }, h('p', { class: 'hint' }, 'Loading the storage units…'));
  const slot = h('div', { class: 'grid grid-2' });
  const gridSlot = h('div', { class: 'span-2', id: 'picker-grid' });
  const chosenText = h('p', { class: 'chosen-place span-2', id: 'chosen-place', 'aria-live': 'polite' });
  const current = p.storage || null;
  get(`/api/storage-units?productId=${encodeURIComponent(p.id)}`).then((units) => {
    const fits = units.filter((u) => !u.unfitFor);
    const preferred = (current && fits.find((u) => u.unit.id === current.unitId)) || fits.find((u) => u.containers.length) || fits[0];
    const unitSelect = field({ name: 'storageUnit', label: 'Storage unit', type: 'select', value: preferred ? preferred.unit.id : '',
      options: [...units.map((u) => [u.unit.id, `${u.unit.name} (${kindText(u.unit.kind)}, ${u.unit.lowestC} to ${u.unit.highestC} °C)`
        + (u.unfitFor ? ` — cannot hold it: ${u.unfitFor}` : '')]), ['', 'Elsewhere: write the location']],
      onchange: (ev) => choose(ev.target.value) });
    for (const opt of unitSelect.querySelectorAll('option')) {
      const u = units.find((x) => x.unit.id === opt.value);
      if (u && u.unfitFor) opt.disabled = true;
    }
    root.replaceChildren(h('div', { class: 'grid grid-2' }, unitSelect), slot, gridSlot, chosenText);
    const choose = async (unitId) => {
      const u = units.find((x) => x.unit.id === unitId);
      gridSlot.replaceChildren();
      chosenText.textContent = '';
      if (!u || !u.containers.length) {
        const prefix = u ? `${u.unit.name} / ` : '';
        slot.replaceChildren(field({ name: 'location', label: u ? `Location in ${u.unit.name} (not laid out in positions)` : 'Location (unit / rack / box / position)',
          required: true, value: prefix, placeholder: 'LN2-1 / rack 3 / box 2 / A4', span: true }));
        return;
      }
      const map = await positionMap(u.unit.id);
      const pickIn = (containerId, position) => {
        const c = map.containers.find((x) => x.id === containerId) || map.containers[0];
        const input = slot.querySelector('[name="position"]');
        if (position !== undefined) input.value = position;
        const mine = current && current.containerId === c.id ? current.position : null;
        gridSlot.replaceChildren(containerGrid(c, { pick: (pos) => pickIn(c.id, pos), chosen: input.value.toUpperCase(), current: mine }));
        chosenText.textContent = input.value ? `Into ${u.unit.name} / ${c.name} / ${input.value.toUpperCase()}` : 'Click a free position, or type it.';
      };
      // a move opens on the product's own container (its position marked); a store on the first with room
      const start = (current && map.containers.find((c) => c.id === current.containerId))
        || map.containers.find((c) => c.free > 0) || map.containers[0];
      slot.replaceChildren(
        field({ name: 'containerId', label: 'Container', type: 'select', value: start.id,
          options: map.containers.map((c) => [c.id, `${c.name} (${c.free} of ${c.capacity} free)`]),
          onchange: (ev) => pickIn(ev.target.value, '') }),
        field({ name: 'position', label: 'Position', required: true, placeholder: 'e.g. C4', hint: 'row letter and column number, A1 top left',
          oninput: () => pickIn(slot.querySelector('[name="containerId"]').value) }));
      pickIn(start.id);
    };
    choose(preferred ? preferred.unit.id : '');
  }).catch(() => {
    root.replaceChildren(field({ name: 'location', label: 'Location (unit / rack / box / position)', required: true,
      placeholder: 'LN2-1 / rack 3 / box 2 / A4', span: true }));
  });
  return root;
}
