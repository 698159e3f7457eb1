// The week for a coordinator: seven days across, the unit's machines down (then the sessions with no machine,
// an infusion), each session in its cell with time, patient and procedure. A day links to its board.
import { get } from '../api.js';
import { h, time, dayLabel, todayIso, addDays, dateField, values, showProblems, label } from '../ui.js';
import { nurseNames, procedureName } from './common.js';

const KEY = 'openapheresis.week.start';

/** The Monday of the week of a day. */
function monday(iso) {
  const d = new Date(`${iso}T00:00:00`);
  return addDays(iso, -((d.getDay() + 6) % 7));
}

export async function render(main, ctx) {
  const start = sessionStorage.getItem(KEY) || monday(todayIso());
  const days = [...Array(7).keys()].map((i) => addDays(start, i));
  const [perDay, machines, nurseName] = await Promise.all([
    Promise.all(days.map((d) => get(`/api/sessions?date=${d}`))),
    get('/api/machines'),
    nurseNames(),
  ]);
  const rows = [...machines.filter((m) => m.active).map((m) => m.name)];
  const all = perDay.flat();
  for (const s of all) if (s.machine && !rows.includes(s.machine)) rows.push(s.machine);
  if (all.some((s) => !s.machine)) rows.push(null);
  const go = (d) => { sessionStorage.setItem(KEY, d); ctx.go('/week'); };
  const pick = h('form', { class: 'inline-form', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    const v = values(ev.target).weekOf;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) { showProblems(ev.target, { problems: [{ field: 'weekOf', message: 'write the date as YYYY-MM-DD' }] }); return; }
    go(monday(v));
  } }, dateField({ name: 'weekOf', label: 'Week of', value: start, hint: 'any day of the week' }),
  h('button', { class: 'btn btn-ghost btn-sm', type: 'submit' }, 'Show'));

  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Week'), h('div', { class: 'sub' }, `${dayLabel(days[0])} to ${dayLabel(days[6])} · ${all.length} session${all.length === 1 ? '' : 's'}`)),
    h('div', { class: 'actions' },
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'prev-week', onclick: () => go(addDays(start, -7)) }, '← Previous week'),
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'this-week', onclick: () => go(monday(todayIso())) }, 'This week'),
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'next-week', onclick: () => go(addDays(start, 7)) }, 'Next week →'),
      pick)));

  const grid = h('div', { class: 'week', id: 'week-grid', role: 'table', 'aria-label': 'Sessions by machine and day' },
    h('div', { class: 'cell head', role: 'columnheader' }, 'Machine'),
    days.map((d) => h('div', { class: 'cell head', role: 'columnheader' },
      h('a', { href: '#/today', onclick: () => sessionStorage.setItem('openapheresis.day', d) }, dayLabel(d)))));
  for (const m of rows) {
    grid.append(h('div', { class: 'cell head', role: 'rowheader' }, m || 'No machine (infusions)'));
    days.forEach((d, i) => {
      const here = perDay[i].filter((s) => (s.machine || null) === m).sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart)));
      grid.append(h('div', { class: 'cell', role: 'cell', dataset: { machine: m || '', day: d } }, here.map((s) =>
        h('a', { class: `slot status-${s.status}`, href: `#/sessions/${encodeURIComponent(s.id)}`, dataset: { session: s.id },
          title: `${label(s.status)}${s.chair ? ` · ${s.chair}` : ''}${s.nurse ? ` · nurse: ${nurseName(s.nurse)}` : ''}` },
        h('strong', {}, time(s.plannedStart)), ' ', s.patientName, h('div', { class: 'muted' }, `${procedureName(s.procedureType)} · ${label(s.status)}`)))));
    });
  }
  main.append(h('section', { class: 'panel' }, rows.length ? grid : h('p', { class: 'empty' }, 'The unit has no machines yet.')));
}
