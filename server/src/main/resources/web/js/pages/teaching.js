// Teaching mode on the Planner page: a virtual patient whose own kinetics are hidden. The learner plans the
// exchange with the live plan as usual (the model's average patient); the reveal plans the same exchange for this
// patient, with the parameters drawn from their published spreads, and names them.
import { post } from '../api.js';
import { h, clear, num, toast, unitText } from '../ui.js';
import { parameterWords } from './plan-view.js';

/** What the reveal compares: [label, unit, value of a plan]. */
const MEASURES = [
  ['Run time', 'min', (p) => p.durationMin],
  ['IgG after', 'g/L', (p) => p.predicted && p.predicted.igg && p.predicted.igg.post],
  ['Fibrinogen after', 'g/L', (p) => p.predicted && p.predicted.fibrinogen && p.predicted.fibrinogen.post],
  ['Ionised calcium, lowest', 'mmol/L', (p) => p.predicted && p.predicted.ionizedCalcium && p.predicted.ionizedCalcium.nadir],
  ['Albumin after', 'g/L', (p) => p.predicted && p.predicted.albumin && p.predicted.albumin.post],
  ['Blood volume', 'mL', (p) => p.bloodVolumeMl],
];

/**
 * The teaching panel. {@code fill(patient)} puts a case's patient into the planner's form and plans it;
 * {@code procedure()} reads the learner's procedure block from the form.
 */
export function teachingPanel({ fill, procedure }) {
  let current = null;
  const caseBox = h('div', { id: 'teaching-case', 'aria-live': 'polite' });
  const revealBox = h('div', { id: 'teaching-reveal', 'aria-live': 'polite' });
  const revealButton = h('button', { class: 'btn btn-primary', type: 'button', id: 'reveal-teaching-case', disabled: true, onclick: reveal }, 'Reveal how the plan fared');

  async function newCase() {
    clear(revealBox);
    try {
      current = await post('/api/teaching/cases', {});
      fill(current.patient);
      clear(caseBox).append(h('div', { class: 'alert alert-info' },
        h('h4', {}, `Teaching case ${current.seed}`),
        h('p', {}, current.description),
        h('p', { class: 'small' }, `Indication: ${current.indication.indication}${current.indication.category ? ` (ASFA category ${current.indication.category})` : ''}. `
          + 'Choose the dose and the replacement; the plan beside the form is the model’s average patient. The reveal plans your exchange for this patient as given here, whatever you change in the patient fields.')));
      revealButton.disabled = false;
    } catch (e) {
      toast((e && e.message) || 'The case could not be drawn');
    }
  }

  async function reveal() {
    if (!current) return;
    try {
      const r = await post('/api/teaching/reveal', { seed: current.seed, procedure: procedure() });
      clear(revealBox).append(revealView(r));
    } catch (e) {
      const problems = (e && e.problems) || [];
      clear(revealBox).append(h('div', { class: 'alert alert-warning', role: 'status' }, h('h4', {}, 'The exchange cannot be planned for this case yet'),
        h('ul', {}, problems.length ? problems.map((p) => h('li', {}, `${p.field ? p.field + ': ' : ''}${p.message}`)) : h('li', {}, (e && e.message) || 'Unknown error'))));
    }
  }

  return h('section', { class: 'panel no-print', id: 'teaching' },
    h('h2', {}, 'Teaching mode'),
    h('p', { class: 'small muted' }, 'A virtual patient with hidden kinetics: plan the exchange, then see how it went for this patient.'),
    h('div', { class: 'actions' },
      h('button', { class: 'btn btn-secondary', type: 'button', id: 'new-teaching-case', onclick: newCase }, 'New teaching case'), revealButton),
    caseBox, revealBox);
}

function revealView(r) {
  const rows = MEASURES.map(([name, unit, of]) => {
    const planned = of(r.planned);
    const actual = of(r.actual);
    if (planned === undefined || planned === null) return '';
    const diff = actual !== undefined && actual !== null && planned !== 0 ? 100 * (actual - planned) / planned : null;
    return h('tr', {}, h('td', {}, name), h('td', { class: 'r' }, `${num(planned)} ${unitText(unit)}`),
      h('td', { class: 'r' }, `${num(actual)} ${unitText(unit)}`), h('td', { class: 'r' }, diff === null ? '—' : `${diff > 0 ? '+' : ''}${num(diff, 0)} %`));
  });
  const unforeseen = (r.actual.warnings || []).filter((w) => !(r.planned.warnings || []).some((p) => p.code === w.code));
  const moved = [...r.hidden].filter((p) => Math.abs(p.factor - 1) > 1e-9).sort((a, b) => Math.abs(Math.log(b.factor)) - Math.abs(Math.log(a.factor)));
  return h('div', {},
    h('h3', {}, 'How the plan fared for this patient'),
    h('table', { class: 'table', id: 'teaching-compare' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Measure'), h('th', { class: 'r' }, 'Your plan predicted'), h('th', { class: 'r' }, 'This patient'), h('th', { class: 'r' }, 'Difference'))),
      h('tbody', {}, rows)),
    unforeseen.length
      ? h('div', { class: 'alert alert-warning' }, h('h4', {}, 'This patient met warnings your plan did not predict'),
        h('ul', {}, unforeseen.map((w) => h('li', {}, w.message))))
      : '',
    h('h3', {}, 'What was hidden'),
    h('p', { class: 'small' }, 'Each factor multiplies the model’s published value for this patient; it was drawn from the spread its source gives.'),
    h('table', { class: 'table', id: 'teaching-hidden' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Parameter'), h('th', { class: 'r' }, 'This patient'), h('th', {}, 'Spread'), h('th', {}, 'Source'))),
      h('tbody', {}, moved.map((p) => h('tr', {}, h('td', {}, parameterWords(p.parameter)), h('td', { class: 'r' }, `× ${num(p.factor, 2)}`),
        h('td', { class: 'small' }, p.spread), h('td', { class: 'small' }, p.source))))));
}
