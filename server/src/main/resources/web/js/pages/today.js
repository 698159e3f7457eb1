// Today: the unit's sessions by machine and chair, with status, patient, procedure and planned time.
import { get } from '../api.js';
import { h, chip, time, todayIso, date, num, label } from '../ui.js';
import { enrichSessions, procedureName } from './common.js';

export async function render(main, ctx) {
  const day = sessionStorage.getItem('openapheresis.day') || todayIso();
  const sessions = await enrichSessions(await get(`/api/sessions?date=${day}`));
  const dateInput = h('input', { type: 'date', id: 'day', value: day, onchange: (e) => {
    sessionStorage.setItem('openapheresis.day', e.target.value); ctx.go('/today');
  } });
  const counts = {};
  for (const s of sessions) counts[s.status] = (counts[s.status] || 0) + 1;
  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Today'), h('div', { class: 'sub' }, `${date(day)} · ${sessions.length} session${sessions.length === 1 ? '' : 's'}`)),
    h('div', { class: 'actions' },
      ['scheduled', 'in-progress', 'completed', 'aborted'].filter((k) => counts[k]).map((k) => chip(k, `${counts[k]} ${label(k).toLowerCase()}`)),
      h('label', { for: 'day', class: 'sr-only' }, 'Day'), h('div', { class: 'input-wrap' }, dateInput))));

  if (!sessions.length) {
    main.append(h('div', { class: 'panel' }, h('p', { class: 'empty' }, 'No sessions scheduled for this day.'),
      h('p', {}, 'Sessions are scheduled from a signed order on the patient’s page.'),
      h('a', { class: 'btn btn-secondary', href: '#/patients' }, 'Go to patients')));
    return;
  }
  // Machine, then chair within it: the board reads like the unit's floor plan.
  const byMachine = new Map();
  for (const s of [...sessions].sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart)))) {
    const m = s.machine || 'No machine';
    if (!byMachine.has(m)) byMachine.set(m, new Map());
    const chairs = byMachine.get(m);
    const c = s.chair || 'No chair';
    if (!chairs.has(c)) chairs.set(c, []);
    chairs.get(c).push(s);
  }
  const machines = [...byMachine.keys()].sort((a, b) => (a === 'No machine') - (b === 'No machine') || a.localeCompare(b, 'en', { numeric: true }));
  main.append(h('div', { class: 'board' }, machines.map((machine) => {
    const chairs = byMachine.get(machine);
    const n = [...chairs.values()].reduce((t, l) => t + l.length, 0);
    return h('section', { class: 'machine', 'aria-label': `Machine ${machine}`, dataset: { machine } },
      h('header', {}, h('h3', {}, machine), h('span', { class: 'small muted' }, `${n} session${n === 1 ? '' : 's'}`)),
      [...chairs.keys()].sort((a, b) => (a === 'No chair') - (b === 'No chair') || a.localeCompare(b, 'en', { numeric: true })).map((chair) =>
        h('div', { class: 'chair', dataset: { chair } },
          h('h4', { class: 'chair-name' }, chair),
          chairs.get(chair).map((s) => {
            const proc = s.procedureType;
            const plan = s.order && s.order.plan;
            return h('a', { class: 'slot', href: `#/sessions/${encodeURIComponent(s.id)}`, dataset: { session: s.id } },
              h('div', { class: 'row' }, h('span', { class: 'time' }, time(s.plannedStart)), chip(s.status)),
              h('div', { class: 'who' }, s.patientName),
              h('div', { class: 'what' }, [procedureName(proc),
                plan && plan.durationMin ? `${num(plan.durationMin, 0)} min planned` : null,
                s.nurse ? `nurse ${s.nurse}` : null].filter(Boolean).join(' · ')));
          }))));
  })));
}
