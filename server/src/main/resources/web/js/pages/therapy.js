// One therapy's chain of identity as a timeline: for a patient who gave or received cells, the collection orders,
// the collections, every event of every product (processing, storage, issue, infusion with the dose and the bedside
// observations), the DLI schedule with its coming doses, and the follow-up visits, oldest first. Each entry links
// the record it comes from; nothing here is editable.
import { get } from '../api.js';
import { h, date, dateTime, errorPanel, unitText } from '../ui.js';
import { patientName } from './common.js';

const KIND = { order: 'Order', collection: 'Collection', product: 'Product', infusion: 'Infusion', 'dli-schedule': 'DLI schedule', 'follow-up': 'Follow-up' };
const ROLE = { patient: 'this patient', donor: 'donor', recipient: 'recipient' };

export async function render(main, ctx, [id]) {
  let p;
  let t;
  try {
    [p, t] = await Promise.all([get(`/api/patients/${encodeURIComponent(id)}`), get(`/api/patients/${encodeURIComponent(id)}/therapy`)]);
  } catch (e) {
    main.append(errorPanel(e));
    return;
  }
  main.append(h('div', { class: 'page-head' }, h('div', {},
    h('h1', {}, `Therapy timeline: ${patientName(p)}`),
    h('div', { class: 'sub' }, 'The chain of identity, oldest first: every record linking the donor, the collections, the products and their infusions, as recorded. Nothing here can be changed.')),
  h('div', { class: 'actions' }, h('a', { class: 'btn btn-ghost', href: `#/patients/${encodeURIComponent(id)}` }, 'Back to patient'))));
  main.append(h('section', { class: 'panel', 'aria-labelledby': 'h-people' }, h('h2', { id: 'h-people' }, 'People'),
    h('ul', { id: 'therapy-people', class: 'people-list' }, t.people.map((x) => h('li', {},
      h('a', { href: `#/patients/${encodeURIComponent(x.id)}` }, x.name), ` · MRN ${x.mrn} · ${ROLE[x.role] || x.role}`)))));
  const past = t.entries.filter((e) => !e.coming);
  const coming = t.entries.filter((e) => e.coming);
  const list = (entries, listId) => entries.length ? h('ol', { class: 'timeline', id: listId }, entries.map((e) => h('li', { class: `therapy-${e.kind}` },
    h('div', { class: 'when' }, `${e.coming ? date(e.at) : dateTime(e.at)} · ${KIND[e.kind] || e.kind}`),
    h('div', {}, h('a', { href: `#${e.page}` }, unitText(e.title))),
    e.detail ? h('div', { class: 'details' }, unitText(e.detail)) : null,
    e.by ? h('div', { class: 'who' }, `by ${e.by}`) : null)))
    : h('p', { class: 'muted' }, 'Nothing recorded.');
  main.append(h('section', { class: 'panel', 'aria-labelledby': 'h-therapy' }, h('h2', { id: 'h-therapy' }, 'What happened'),
    t.followUpsIncluded ? null : h('p', { class: 'hint', id: 'therapy-no-follow-ups' }, 'Follow-up visits are not shown: your role does not read them.'),
    list(past, 'therapy-timeline')));
  if (coming.length) {
    main.append(h('section', { class: 'panel', 'aria-labelledby': 'h-coming' }, h('h2', { id: 'h-coming' }, 'Still to come'), list(coming, 'therapy-coming')));
  }
}
