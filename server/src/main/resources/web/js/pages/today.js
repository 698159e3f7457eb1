// Today: the unit's sessions by machine and chair, with status, patient, procedure and planned time.
import { get } from '../api.js';
import { h, chip, time, todayIso, addDays, date, num, label } from '../ui.js';
import { enrichSessions, nurseNames, procedureName, onCallMarker } from './common.js';

export async function render(main, ctx) {
  const day = sessionStorage.getItem('openapheresis.day') || todayIso();
  // a nurse sees her own sessions first: "My sessions" is the default for the nurse role, and a toggle for anyone
  const mineKey = 'openapheresis.today.mine';
  const mine = (sessionStorage.getItem(mineKey) ?? (ctx.me.role === 'nurse' ? 'yes' : 'no')) === 'yes';
  const [all, nurseName] = await Promise.all([get(`/api/sessions?date=${day}`).then(enrichSessions), nurseNames()]);
  const sessions = mine ? all.filter((s) => s.nurse === ctx.me.username) : all;
  const toggle = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Whose sessions' },
    h('button', { type: 'button', class: `btn btn-sm ${mine ? 'btn-primary' : 'btn-ghost'}`, id: 'show-mine', 'aria-pressed': String(mine),
      onclick: () => { sessionStorage.setItem(mineKey, 'yes'); ctx.go('/today'); } }, 'My sessions'),
    h('button', { type: 'button', class: `btn btn-sm ${mine ? 'btn-ghost' : 'btn-primary'}`, id: 'show-all', 'aria-pressed': String(!mine),
      onclick: () => { sessionStorage.setItem(mineKey, 'no'); ctx.go('/today'); } }, 'All sessions'));
  const setDay = (d) => { sessionStorage.setItem('openapheresis.day', d); ctx.go('/today'); };
  const shift = (n) => addDays(day, n);
  const dateInput = h('input', { type: 'text', id: 'day', value: day, maxlength: 10, placeholder: 'YYYY-MM-DD', size: 10, onchange: (e) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && !Number.isNaN(new Date(`${e.target.value}T00:00:00`).getTime())) setDay(e.target.value);
    else e.target.setAttribute('aria-invalid', 'true');
  } });
  const dayNav = [h('button', { class: 'btn btn-ghost btn-sm', type: 'button', id: 'prev-day', onclick: () => setDay(shift(-1)) }, '← Day'),
    h('button', { class: 'btn btn-ghost btn-sm', type: 'button', id: 'to-today', onclick: () => setDay(todayIso()) }, 'Today'),
    h('button', { class: 'btn btn-ghost btn-sm', type: 'button', id: 'next-day', onclick: () => setDay(shift(1)) }, 'Day →')];
  const counts = {};
  for (const s of sessions) counts[s.status] = (counts[s.status] || 0) + 1;
  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, mine ? 'My sessions' : 'Today'), h('div', { class: 'sub' }, `${date(day)} · ${sessions.length} session${sessions.length === 1 ? '' : 's'}${mine ? ` assigned to you (${all.length} in the unit)` : ''}`)),
    h('div', { class: 'actions' }, toggle,
      ['scheduled', 'in-progress', 'completed', 'aborted', 'cancelled'].filter((k) => counts[k]).map((k) => chip(k, `${counts[k]} ${label(k).toLowerCase()}`)),
      dayNav, h('label', { for: 'day', class: 'sr-only' }, 'Day (YYYY-MM-DD)'), h('div', { class: 'input-wrap' }, dateInput))));

  if (!sessions.length) {
    main.append(h('div', { class: 'panel' }, h('p', { class: 'empty' }, mine ? 'No sessions assigned to you on this day.' : 'No sessions scheduled for this day.'),
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
              onCallMarker(s),
              h('div', { class: 'who' }, s.patientName),
              h('div', { class: 'what' }, [procedureName(proc),
                plan && plan.durationMin ? `${num(plan.durationMin, 0)} min planned` : null,
                s.nurse ? `nurse: ${nurseName(s.nurse)}` : null].filter(Boolean).join(' · ')));
          }))));
  })));
}
