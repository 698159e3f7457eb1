// The week for a coordinator: seven days across, the unit's machines (or its nurses) down, each session in its cell
// with time, patient and procedure. A day links to its board. A booked session is dragged to another day, machine
// or nurse: the server checks the week's rules for it there before it moves (POST /api/schedule/moves). "Plan the
// week" asks the solver for a proposal, shows it on the grid and in a table with the score in words, and books it
// whole on request. The week shows the rota it is planned on (days closed, nurses' shifts, machines out of service),
// and whoever keeps the rota edits it below the grid.
import { get, post } from '../api.js';
import { h, checkbox, time, dayLabel, todayIso, addDays, dateField, timeField, values, showProblems, label, toast, instantOf,
  localDate, field, clearProblems } from '../ui.js';
import { nurseNames, procedureName, onCallPrompt, onCallMarker } from './common.js';

const KEY = 'openapheresis.week.start';
const VIEW = 'openapheresis.week.view';
const MOVABLE = 'scheduled';

/** The proposal on show (kept while the coordinator stays on the week), or null. */
let shown = null;

/** The Monday of the week of a day. */
function monday(iso) {
  const d = new Date(`${iso}T00:00:00`);
  return addDays(iso, -((d.getDay() + 6) % 7));
}

export async function render(main, ctx) {
  const start = sessionStorage.getItem(KEY) || monday(todayIso());
  const view = sessionStorage.getItem(VIEW) === 'nurse' ? 'nurse' : 'machine';
  const days = [...Array(7).keys()].map((i) => addDays(start, i));
  const [perDay, machines, nurseName, nurses, shifts, closures] = await Promise.all([
    Promise.all(days.map((d) => get(`/api/sessions?date=${d}`))),
    get('/api/machines'),
    nurseNames(),
    get('/api/schedule/nurses').catch(() => []),
    get(`/api/schedule/shifts?from=${days[0]}&to=${days[6]}`).catch(() => []),
    get(`/api/schedule/closures?from=${days[0]}&to=${days[6]}`).catch(() => []),
  ]);
  const weekStart = new Date(`${days[0]}T00:00:00`).getTime();
  const weekEnd = new Date(`${addDays(days[6], 1)}T00:00:00`).getTime();
  const downtime = (await Promise.all(machines.filter((m) => m.active).map((m) => get(`/api/machines/${encodeURIComponent(m.id)}/out-of-service`).catch(() => []))))
    .flat().filter((o) => !o.cancelledAt && new Date(o.from).getTime() < weekEnd && new Date(o.to).getTime() > weekStart);
  const rota = { shifts, closures, downtime, rostered: shifts.length > 0 };
  // booked sessions the rota breaks now (a machine broke, a nurse is off sick): said above the grid, planned again on request
  const conflicts = ctx.can.planWeek() ? await get(`/api/schedule/rota-conflicts?from=${days[0]}&to=${days[6]}`) : [];
  const conflictOf = (id) => conflicts.find((c) => c.sessionId === id);
  /** The part of [from, to) that falls on a day, as local times: null when none. */
  const onDay = (from, to, d) => {
    const a = Math.max(new Date(from).getTime(), new Date(`${d}T00:00:00`).getTime());
    const b = Math.min(new Date(to).getTime(), new Date(`${addDays(d, 1)}T00:00:00`).getTime());
    return b > a ? [new Date(a), new Date(b)] : null;
  };
  const span = ([a, b]) => `${time(a.toISOString())}–${b.getHours() === 0 && b.getMinutes() === 0 ? '24:00' : time(b.toISOString())}`;
  const all = perDay.flat();
  const proposal = shown && shown.from <= days[6] && shown.to >= days[0] ? shown : null;
  const proposed = proposal ? proposal.assignments.filter((a) => a.change !== 'KEEP') : [];
  const rowOf = (s) => (view === 'nurse' ? s.nurse : s.machine) || null;
  const rows = view === 'nurse' ? nurses.map((n) => n.username) : machines.filter((m) => m.active).map((m) => m.name);
  for (const s of [...all, ...proposed]) if (rowOf(s) && !rows.includes(rowOf(s))) rows.push(rowOf(s));
  if ([...all, ...proposed].some((s) => !rowOf(s))) rows.push(null);
  const rowName = (r) => (r === null ? (view === 'nurse' ? 'No nurse yet' : 'No machine (infusions)')
    : view === 'nurse' ? nurseName(r) : r);

  const go = (d) => { sessionStorage.setItem(KEY, d); ctx.go('/week'); };
  const pick = h('form', { class: 'inline-form', novalidate: true, onsubmit: (ev) => {
    ev.preventDefault();
    const v = values(ev.target).weekOf;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) { showProblems(ev.target, { problems: [{ field: 'weekOf', message: 'write the date as YYYY-MM-DD' }] }); return; }
    go(monday(v));
  } }, dateField({ name: 'weekOf', label: 'Week of', value: start, hint: 'any day of the week' }),
  h('button', { class: 'btn btn-ghost btn-sm', type: 'submit' }, 'Show'));
  const setView = (v) => { sessionStorage.setItem(VIEW, v); ctx.go('/week'); };

  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Week'), h('div', { class: 'sub' }, `${dayLabel(days[0])} to ${dayLabel(days[6])} · ${all.length} session${all.length === 1 ? '' : 's'}`)),
    h('div', { class: 'actions' },
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'prev-week', onclick: () => go(addDays(start, -7)) }, '← Previous week'),
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'this-week', onclick: () => go(monday(todayIso())) }, 'This week'),
      h('button', { class: 'btn btn-ghost', type: 'button', id: 'next-week', onclick: () => go(addDays(start, 7)) }, 'Next week →'),
      pick)));

  const toolbar = h('div', { class: 'actions no-print', style: 'margin-bottom:.5rem' },
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Rows' },
      h('button', { class: `btn btn-sm ${view === 'machine' ? 'btn-secondary' : 'btn-ghost'}`, type: 'button', id: 'view-machine', 'aria-pressed': String(view === 'machine'), onclick: () => setView('machine') }, 'By machine'),
      h('button', { class: `btn btn-sm ${view === 'nurse' ? 'btn-secondary' : 'btn-ghost'}`, type: 'button', id: 'view-nurse', 'aria-pressed': String(view === 'nurse'), onclick: () => setView('nurse') }, 'By nurse')),
    ctx.can.schedule() ? h('span', { class: 'muted' }, 'Drag a booked session to another day, ' + (view === 'nurse' ? 'nurse' : 'machine') + ': the week’s rules are checked before it moves.') : null);
  main.append(toolbar);

  const problems = h('div', { class: 'form-errors', id: 'move-problems', role: 'alert' });
  main.append(problems);

  const move = async (sessionId, day, row, acknowledgedWarnings) => {
    const s = all.find((x) => x.id === sessionId);
    if (!s) return;
    const at = new Date(s.plannedStart);
    const plannedStart = instantOf(day, time(at));
    const body = { sessionId, plannedStart, machine: s.machine || null, chair: s.chair || null, nurse: s.nurse || null, version: s.version };
    if (view === 'nurse') body.nurse = row; else body.machine = row;
    if (localDate(at) === day && rowOf(s) === row) return;
    if (acknowledgedWarnings) body.acknowledgedWarnings = acknowledgedWarnings;
    problems.replaceChildren();
    try {
      await post('/api/schedule/moves', body);
      toast(`Session moved${acknowledgedWarnings ? ' on call' : ''} to ${dayLabel(day)} ${time(at)}${row ? ` · ${rowName(row)}` : ''}`);
      ctx.go('/week');
    } catch (e) {
      // outside the opening hours, on a closed day, after the lab's cut-off or before the labs are back: warned, and
      // moved only when the coordinator sends the warnings back ("Move anyway (on call)")
      const prompt = onCallPrompt(e, (codes) => move(sessionId, day, row, codes), 'Move');
      if (prompt) { problems.replaceChildren(prompt); return; }
      problems.replaceChildren(h('div', { class: 'alert alert-danger', id: 'move-refused' },
        h('strong', {}, e.body && e.body.key === 'MOVE_BREAKS_RULES' ? 'Not moved: there it would break the rules of the week.' : (e.message || 'The session was not moved.')),
        e.body && Array.isArray(e.body.breaches) && e.body.breaches.length ? h('ul', {}, e.body.breaches.map((b) => h('li', {}, b))) : null,
        h('div', { class: 'muted' }, 'Nothing was moved.')));
    }
  };

  const grid = h('div', { class: 'week', id: 'week-grid', role: 'table', 'aria-label': `Sessions by ${view} and day` },
    h('div', { class: 'cell head', role: 'columnheader' }, view === 'nurse' ? 'Nurse' : 'Machine'),
    days.map((d) => h('div', { class: 'cell head', role: 'columnheader' },
      h('a', { href: '#/today', onclick: () => sessionStorage.setItem('openapheresis.day', d) }, dayLabel(d)),
      closures.filter((c) => c.day === d).map((c) => h('div', { class: 'closed', dataset: { closed: d } }, `Closed: ${c.reason}`)))));
  for (const r of rows) {
    grid.append(h('div', { class: 'cell head', role: 'rowheader' }, rowName(r)));
    days.forEach((d, i) => {
      const here = perDay[i].filter((s) => rowOf(s) === r).sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart)));
      const planned = proposed.filter((a) => rowOf(a) === r && localDate(new Date(a.plannedStart)) === d);
      const rowMachine = view === 'machine' ? machines.find((m) => m.name === r) : null;
      const down = rowMachine ? downtime.filter((o) => o.machineId === rowMachine.id).map((o) => [o, onDay(o.from, o.to, d)]).filter(([, x]) => x) : [];
      const onShift = view === 'nurse' && r && rota.rostered ? shifts.filter((x) => x.nurse === r).map((x) => onDay(x.from, x.to, d)).filter(Boolean) : [];
      const cell = h('div', { class: 'cell', role: 'cell', dataset: { row: r || '', day: d } },
        view === 'nurse' && r && rota.rostered ? (onShift.length ? onShift.map((x) => h('div', { class: 'shift', dataset: { shift: r } }, `On shift ${span(x)}`))
          : h('div', { class: 'shift off', dataset: { shift: r } }, 'Off')) : null,
        down.map(([o, x]) => h('div', { class: 'slot out-of-service', dataset: { outOfService: o.id }, title: `Recorded by ${o.createdBy}` },
          h('strong', {}, `Out of service ${span(x)}`), h('div', { class: 'muted' }, o.reason))),
        here.map((s) => {
          const movable = ctx.can.schedule() && s.status === MOVABLE;
          const broken = conflictOf(s.id);
          return h('a', { class: `slot status-${s.status}${movable ? ' movable' : ''}${broken ? ' conflict' : ''}`, href: `#/sessions/${encodeURIComponent(s.id)}`, dataset: { session: s.id },
            draggable: movable ? 'true' : 'false',
            ondragstart: movable ? (ev) => { ev.dataTransfer.setData('text/plain', s.id); ev.dataTransfer.effectAllowed = 'move'; } : null,
            title: `${label(s.status)}${s.machine ? ` · ${s.machine}` : ''}${s.chair ? ` · ${s.chair}` : ''}${s.nurse ? ` · nurse: ${nurseName(s.nurse)}` : ''}` },
          h('strong', {}, time(s.plannedStart)), ' ', s.patientName, h('div', { class: 'muted' }, `${procedureName(s.procedureType)} · ${label(s.status)}${view === 'nurse' ? (s.machine ? ` · ${s.machine}` : '') : (s.nurse ? ` · ${nurseName(s.nurse)}` : '')}`),
          onCallMarker(s));
        }),
        planned.map((a) => h('div', { class: 'slot proposed', dataset: { proposed: a.sessionId || `${a.orderId}#${a.sequence}` }, title: 'Proposed, not booked' },
          h('strong', {}, time(a.plannedStart)), ' ', a.patientName, h('div', { class: 'muted' }, `${procedureName(a.procedureType)} · proposed ${changeText(a.change)}`))));
      if (ctx.can.schedule()) {
        cell.addEventListener('dragover', (ev) => { ev.preventDefault(); cell.classList.add('drop'); });
        cell.addEventListener('dragleave', () => cell.classList.remove('drop'));
        cell.addEventListener('drop', (ev) => {
          ev.preventDefault();
          cell.classList.remove('drop');
          move(ev.dataTransfer.getData('text/plain'), d, r);
        });
      }
      grid.append(cell);
    });
  }
  if (conflicts.length) main.append(conflictsAlert(ctx, conflicts, days));
  main.append(h('section', { class: 'panel' }, rows.length ? grid : h('p', { class: 'empty' }, view === 'nurse' ? 'The unit has no nurses yet.' : 'The unit has no machines yet.'),
    h('p', { class: 'muted', id: 'rota-basis' }, rota.rostered
      ? `Nurses are planned inside their shifts this week (${shifts.length} shift${shifts.length === 1 ? '' : 's'} on the rota); a nurse with none is off.`
      : 'No shifts are on the rota this week: every nurse is taken to work the unit’s opening hours.')));

  if (ctx.can.planWeek()) main.append(planPanel(ctx, days, proposal, nurseName));
  if (ctx.can.keepRota()) main.append(rotaPanel(ctx, days, rota, machines, nurses, nurseName));
}

/**
 * The booked sessions the rota breaks now, each with what it breaks, and "Plan these days again": a proposal for the
 * days they fall on (from today), which moves them with as few other moves as it can, shown before anything is booked.
 */
function conflictsAlert(ctx, conflicts, days) {
  const today = todayIso();
  const dates = conflicts.map((c) => localDate(new Date(c.plannedStart))).filter((d) => d >= today).sort();
  const replan = dates.length ? planButton(ctx, 'Plan these days again', { from: dates[0], to: dates[dates.length - 1] < days[6] ? dates[dates.length - 1] : days[6], spentLimitSeconds: 5 },
    { class: 'btn btn-primary', id: 'replan-conflicts' }) : null;
  return h('div', { class: 'alert alert-danger no-print', id: 'rota-conflicts', role: 'alert' },
    h('h4', {}, `${conflicts.length} booked session${conflicts.length === 1 ? '' : 's'} the rota now breaks`),
    h('ul', {}, conflicts.map((c) => h('li', { dataset: { conflict: c.sessionId } },
      h('a', { href: `#/sessions/${encodeURIComponent(c.sessionId)}` }, `${dayLabel(localDate(new Date(c.plannedStart)))} ${time(c.plannedStart)} ${c.patientName}`),
      `: ${c.reasons.join('; ')}`))),
    ctx.can.planWeek() && replan ? h('p', {}, 'A new plan of these days moves them, and as few other sessions as it can; nothing is booked until you book it. ', replan) : null);
}

/** A button that asks for a new proposal ({from, to, spentLimitSeconds}) and shows it; nothing is booked. */
function planButton(ctx, label, body, attrs) {
  return h('button', { ...attrs, type: 'button', onclick: async (ev) => {
    ev.target.disabled = true;
    ev.target.textContent = `Planning… (up to ${body.spentLimitSeconds} s)`;
    try {
      shown = await post('/api/schedule/proposals', body);
      ctx.go('/week');
    } catch (e) { toast(e.message || 'Not planned'); ev.target.disabled = false; ev.target.textContent = label; }
  } }, label);
}

const changeText = (c) => ({ NEW: '(new)', MOVE: '(moved)', COMPLETE: '(chair or nurse added)', KEEP: '' }[c] || '');

/** "Plan the week": the window, the solver's time, the proposal with its score in words, and the booking. */
function planPanel(ctx, days, proposal, nurseName) {
  const today = todayIso();
  const from = days[0] < today ? today : days[0];
  const panel = h('section', { class: 'panel', id: 'plan-week' }, h('h2', {}, 'Plan the week'),
    h('p', { class: 'muted' }, 'The solver places every session still owed by the signed orders (and moves booked ones only where it must) on a start, machine, chair and nurse, keeping the unit’s rules. Nothing is booked until you book the proposal.'));
  if (from > days[6]) {
    panel.append(h('p', { class: 'empty' }, 'This week is over: nothing to plan.'));
    return panel;
  }
  const form = h('form', { class: 'inline-form', id: 'plan-form', novalidate: true },
    h('div', { class: 'form-errors' }),
    dateField({ name: 'from', label: 'From', value: from }),
    dateField({ name: 'to', label: 'To', value: days[6] }),
    field({ name: 'spentLimitSeconds', label: 'Solver time (s)', type: 'number', value: '5', min: 1, max: 60 }),
    h('button', { class: 'btn btn-primary', type: 'submit', id: 'plan-week-run' }, 'Plan the week'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    const button = form.querySelector('#plan-week-run');
    button.disabled = true;
    button.textContent = `Planning… (up to ${v.spentLimitSeconds || 5} s)`;
    try {
      shown = await post('/api/schedule/proposals', { from: v.from, to: v.to, spentLimitSeconds: Number(v.spentLimitSeconds) || 5 });
      ctx.go('/week');
    } catch (e) {
      showProblems(form, e);
      button.disabled = false;
      button.textContent = 'Plan the week';
    }
  });
  panel.append(form);
  if (proposal) panel.append(proposalView(ctx, proposal, nurseName));
  return panel;
}

function proposalView(ctx, p, nurseName) {
  const changes = p.assignments.filter((a) => a.change !== 'KEEP');
  const box = h('div', { id: 'proposal', style: 'margin-top:1rem' },
    h('h3', {}, `Proposal for ${dayLabel(p.from)} to ${dayLabel(p.to)}`),
    h('p', {}, h('span', { class: `chip ${p.feasible ? 'chip-completed' : 'chip-aborted'}`, id: 'proposal-feasible' }, p.feasible ? 'Keeps every hard rule' : 'Breaks a hard rule'),
      ` Score ${p.score} · ${changes.length} change${changes.length === 1 ? '' : 's'} · solved in ${(p.solvedMs / 1000).toFixed(1)} s`,
      h('span', { class: 'muted' }, ' (hard: must hold to book, pre-procedure labs back included; medium: booked sessions moved; soft: same nurse for a course, even loads, the patient’s preferred times, few idle gaps for a nurse or a machine, a course waiting over a closure as briefly as it can)')));
  box.append(h('table', { class: 'table', id: 'proposal-table' },
    h('thead', {}, h('tr', {}, ['Start', 'Time on the machine', 'Patient', 'Procedure', 'Machine', 'Chair', 'Nurse', 'Change'].map((t) => h('th', {}, t)))),
    h('tbody', {}, changes.length ? changes.map((a) => h('tr', { dataset: { change: a.change } },
      h('td', {}, `${dayLabel(localDate(new Date(a.plannedStart)))} ${time(a.plannedStart)}`),
      h('td', {}, `${a.durationMin} min`, h('div', { class: 'muted' }, 'set-up and rinseback included')),
      h('td', {}, a.patientName, (a.notes || []).map((n) => h('div', { class: 'small', dataset: { note: 'assignment' } }, n))),
      h('td', {}, `${procedureName(a.procedureType)} · session ${a.sequence}`),
      h('td', {}, a.machine || '—'), h('td', {}, a.chair), h('td', {}, nurseName(a.nurse)),
      h('td', {}, changeText(a.change).replace(/[()]/g, '')))) : h('tr', {}, h('td', { colspan: 8, class: 'empty' }, p.feasible ? 'Nothing to change: every session owed is booked.' : 'Nothing placed: what counts against it says why.')))));
  const broken = p.explanation || [];
  if (broken.length) {
    box.append(h('h4', {}, 'What counts against it'), h('ul', { id: 'proposal-explanation' }, broken.map((b) =>
      h('li', { dataset: { level: b.level } }, h('strong', {}, `${b.rule}`), ` (${b.level}, ${b.score}, ${b.matches} time${b.matches === 1 ? '' : 's'})`,
        b.level === 'soft' ? h('details', {}, h('summary', {}, 'Which sessions'), h('ul', {}, b.sentences.map((t) => h('li', {}, t))))
          : h('ul', {}, b.sentences.map((t) => h('li', {}, t)))))));
  }
  if ((p.nextSteps || []).length) box.append(nextStepsView(ctx, p));
  const problems = h('div', { class: 'form-errors' });
  const book = h('button', { class: 'btn btn-primary', type: 'button', id: 'book-proposal', disabled: !p.feasible || !changes.length }, 'Book this plan');
  book.addEventListener('click', async () => {
    book.disabled = true;
    try {
      const r = await post(`/api/schedule/proposals/${encodeURIComponent(p.id)}/apply`);
      shown = null;
      toast(`Booked: ${r.scheduled.length} new, ${r.rescheduled.length} moved`);
      ctx.go('/week');
    } catch (e) {
      problems.replaceChildren(h('div', { class: 'alert alert-danger', id: 'book-refused' }, e.message || 'Not booked.', h('div', { class: 'muted' }, 'Nothing was booked: plan the week again.')));
      book.disabled = false;
    }
  });
  box.append(problems, h('div', { class: 'actions' }, book,
    h('button', { class: 'btn btn-ghost', type: 'button', id: 'discard-proposal', onclick: () => { shown = null; ctx.go('/week'); } }, 'Discard')));
  return box;
}

/**
 * What the coordinator can do about a proposal that breaks a hard rule (the server chooses the steps from the rules it
 * breaks): a longer run and a wider window are buttons that plan again; the others say where to go.
 */
function nextStepsView(ctx, p) {
  const replan = (label, body) => planButton(ctx, label, { from: p.from < todayIso() ? todayIso() : p.from, to: p.to, spentLimitSeconds: 5, ...body },
    { class: 'btn btn-secondary btn-sm' });
  const link = (href, label) => h('a', { class: 'btn btn-ghost btn-sm', href }, label);
  const action = (s) => {
    switch (s.kind) {
      case 'MORE_TIME': return replan(`Plan again for ${s.spentLimitSeconds} s`, { spentLimitSeconds: s.spentLimitSeconds });
      case 'WIDER_WINDOW': return replan(`Plan through ${dayLabel(s.to)}`, { to: s.to, spentLimitSeconds: Math.max(5, Math.ceil(p.solvedMs / 1000)) });
      case 'NURSE_SKILL': case 'MACHINE_FOR_PROCEDURE': case 'UNIT_HOURS':
        return ctx.can.manageUnit() ? link('#/unit', 'Open the unit’s page') : h('span', { class: 'muted' }, ' (the unit’s administrator does this)');
      case 'NURSE_ON_ROTA': case 'MACHINE_IN_SERVICE':
        return ctx.can.keepRota() ? h('button', { class: 'btn btn-ghost btn-sm', type: 'button', onclick: () => {
          const rota = document.getElementById('rota');
          if (rota) rota.scrollIntoView({ behavior: 'smooth', block: 'start' });
        } }, 'Go to the rota') : null;
      default: return null;
    }
  };
  return h('div', { class: 'alert alert-warning', id: 'proposal-next-steps', role: 'status' },
    h('h4', {}, 'To make it bookable'),
    h('ol', {}, p.nextSteps.map((s) => h('li', { dataset: { step: s.kind } }, s.text, ' ', action(s)))),
    h('p', { class: 'muted small' }, 'Each is a suggestion: the new plan says whether it is enough.'));
}

/** The rota of the week for whoever keeps it: shifts, days closed and machines out of service, each added or cancelled. */
function rotaPanel(ctx, days, rota, machines, nurses, nurseName) {
  const reload = () => ctx.go('/week');
  const when = (iso) => `${dayLabel(localDate(new Date(iso)))} ${time(iso)}`;
  const cancel = (path, what) => h('button', { class: 'btn btn-ghost btn-sm', type: 'button', onclick: async (ev) => {
    ev.target.disabled = true;
    try { await post(path); toast(`${what} cancelled`); reload(); } catch (e) { toast(e.message || 'Not cancelled'); ev.target.disabled = false; }
  } }, 'Cancel');
  const submit = (form, send, done, aliases) => form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblems(form);
    const v = values(form);
    try { await send(v); toast(done); reload(); } catch (e) { showProblems(form, e, aliases); }
  });

  // One shift, or a weekly pattern: ticking weekdays repeats the shift on them from the day until the last day
  // (each becomes a shift of its own, cancelled one by one; the server adds all or none).
  const WEEKDAYS = [['monday', 'Mon'], ['tuesday', 'Tue'], ['wednesday', 'Wed'], ['thursday', 'Thu'], ['friday', 'Fri'], ['saturday', 'Sat'], ['sunday', 'Sun']];
  const shiftForm = h('form', { class: 'inline-form', id: 'shift-form', novalidate: true, style: 'flex-wrap:wrap' },
    h('div', { class: 'form-errors' }),
    field({ name: 'nurse', label: 'Nurse', type: 'select', options: nurses.map((n) => [n.username, nurseName(n.username)]) }),
    dateField({ name: 'day', label: 'Day', value: days[0] < todayIso() ? todayIso() : days[0] }),
    timeField({ name: 'fromTime', label: 'From', value: '07:30' }),
    timeField({ name: 'toTime', label: 'To', value: '15:30', hint: 'next day when earlier' }),
    h('fieldset', { class: 'repeat-days' }, h('legend', {}, 'Repeat every week on'),
      ...WEEKDAYS.map(([d, short]) => checkbox({ name: `repeat.${d}`, label: short }))),
    dateField({ name: 'lastDay', label: 'Until', value: days[6], hint: 'last day of the repeat (up to 12 weeks)' }),
    h('button', { class: 'btn btn-secondary', type: 'submit', id: 'add-shift' }, 'Add shift'));
  submit(shiftForm, (v) => {
    const repeat = WEEKDAYS.map(([d]) => d).filter((d) => v[`repeat.${d}`]);
    if (repeat.length) {
      return post('/api/schedule/shift-patterns', { nurse: v.nurse, firstDay: v.day, lastDay: v.lastDay, days: repeat, start: v.fromTime, end: v.toTime });
    }
    const from = instantOf(v.day, v.fromTime);
    let to = instantOf(v.day, v.toTime);
    if (from && to && to <= from) to = instantOf(addDays(v.day, 1), v.toTime);
    if (!from || !to) return Promise.reject({ problems: [{ field: from ? 'toTime' : 'fromTime', message: 'write the day as YYYY-MM-DD and the time as hh:mm' }] });
    return post('/api/schedule/shifts', { nurse: v.nurse, from, to });
  }, 'Shift added', { from: 'fromTime', to: 'toTime', firstDay: 'day', start: 'fromTime', end: 'toTime' });

  const closureForm = h('form', { class: 'inline-form', id: 'closure-form', novalidate: true, style: 'flex-wrap:wrap' },
    h('div', { class: 'form-errors' }),
    dateField({ name: 'day', label: 'Day closed' }),
    field({ name: 'reason', label: 'Why', placeholder: 'e.g. Public holiday' }),
    h('button', { class: 'btn btn-secondary', type: 'submit', id: 'add-closure' }, 'Close the unit'));
  submit(closureForm, (v) => post('/api/schedule/closures', { day: v.day, reason: v.reason }), 'The unit is closed that day');

  const separators = machines.filter((m) => m.active);
  const downForm = h('form', { class: 'inline-form', id: 'out-of-service-form', novalidate: true, style: 'flex-wrap:wrap' },
    h('div', { class: 'form-errors' }),
    field({ name: 'machine', label: 'Machine', type: 'select', options: separators.map((m) => [m.id, m.name]) }),
    dateField({ name: 'fromDay', label: 'From day', value: days[0] < todayIso() ? todayIso() : days[0] }),
    timeField({ name: 'fromTime', label: 'at', value: '07:30' }),
    dateField({ name: 'toDay', label: 'Back on', value: days[0] < todayIso() ? todayIso() : days[0] }),
    timeField({ name: 'toTime', label: 'at', value: '18:00' }),
    field({ name: 'reason', label: 'Why', placeholder: 'e.g. Service visit' }),
    h('button', { class: 'btn btn-secondary', type: 'submit', id: 'add-out-of-service' }, 'Take out of service'));
  submit(downForm, (v) => {
    const from = instantOf(v.fromDay, v.fromTime);
    const to = instantOf(v.toDay, v.toTime);
    if (!from || !to) return Promise.reject({ problems: [{ field: from ? 'toTime' : 'fromTime', message: 'write the day as YYYY-MM-DD and the time as hh:mm' }] });
    return post(`/api/machines/${encodeURIComponent(v.machine)}/out-of-service`, { from, to, reason: v.reason });
  }, 'Machine taken out of service', { from: 'fromTime', to: 'toTime' });

  const list = (id, items, line, empty) => h('ul', { id, class: 'plain-list' }, items.length ? items.map(line) : h('li', { class: 'muted' }, empty));
  return h('section', { class: 'panel no-print', id: 'rota' }, h('h2', {}, 'Rota for this week'),
    h('p', { class: 'muted' }, 'The week is planned on this rota: once any shift is recorded for the days planned, nurses are given sessions only inside their shifts. A machine out of service is booked by nobody, and a day closed has no sessions. Sessions already booked stay booked: plan the week again to move them.'),
    h('h3', {}, 'Nurses’ shifts'), shiftForm,
    list('shift-list', rota.shifts, (x) => h('li', { dataset: { shift: x.id } }, `${nurseName(x.nurse)}: ${when(x.from)} to ${time(x.to)} `, cancel(`/api/schedule/shifts/${encodeURIComponent(x.id)}/cancel`, 'Shift')), 'No shifts this week.'),
    h('h3', {}, 'Days closed'), closureForm,
    list('closure-list', rota.closures, (c) => h('li', { dataset: { closure: c.id } }, `${dayLabel(c.day)}: ${c.reason} `, cancel(`/api/schedule/closures/${encodeURIComponent(c.id)}/cancel`, 'Closure')), 'No closures this week.'),
    h('h3', {}, 'Machines out of service'), separators.length ? downForm : h('p', { class: 'empty' }, 'The unit has no machines yet.'),
    list('out-of-service-list', rota.downtime, (o) => h('li', { dataset: { outOfService: o.id } }, `${o.machineName}: ${when(o.from)} to ${when(o.to)} — ${o.reason} `, cancel(`/api/machines/${encodeURIComponent(o.machineId)}/out-of-service/${encodeURIComponent(o.id)}/cancel`, 'Period')), 'No machine out of service this week.'));
}
