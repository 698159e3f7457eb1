// Look-ups several pages share: names from the server's catalogue, a session's order, and an order's course.
import { get } from '../api.js';
import { h, label, dateTime, setWarningTitles } from '../ui.js';

let procedureNames = {};
let labFields = [];

/** Called once the catalogue is loaded: the names and units pages show come from the server. */
export function setCatalog(catalog) {
  procedureNames = Object.fromEntries((catalog.procedureTypes || []).map((t) => [t.code, t.name]));
  labFields = catalog.labs || [];
  setWarningTitles(catalog.warningTitles);
}

let staffNames = new Map();

/** Called once the staff list is loaded: user name → display name. */
export function setStaff(staff) {
  staffNames = new Map((staff || []).map((u) => [u.username, u.displayName]));
}

/** Who a user name is, as staff read it: "Anna Lindqvist (dr.lindqvist)", or the user name when not known. */
export function staffName(username) {
  const name = staffNames.get(username);
  return name && name !== username ? `${name} (${username})` : username;
}

/** The lab fields the unit records, in the server's order: [{field, name, unit, range}]. */
export function labCatalog() { return labFields; }

export function patientName(p) {
  if (!p) return 'Unknown patient';
  return `${p.familyName}, ${p.givenName}`;
}

/** The name staff read for a procedure type code (or a procedure object with its type). */
export function procedureName(procOrType) {
  const t = typeof procOrType === 'string' ? procOrType : procOrType && procOrType.type;
  return procedureNames[t] || label(t || 'procedure');
}

/** Adds each session's order (the record the run sheet and board show beside it). */
/** The unit's nurses by user name, to show a session's nurse by name (empty when the list cannot be read). */
export async function nurseNames() {
  const staff = await get('/api/staff?role=nurse').catch(() => []);
  const names = new Map(staff.map((n) => [n.username, n.displayName]));
  return (username) => names.get(username) || username;
}

export async function enrichSessions(sessions) {
  const orders = new Map();
  await Promise.all(sessions.map(async (s) => {
    if (!orders.has(s.orderId)) orders.set(s.orderId, get(`/api/orders/${encodeURIComponent(s.orderId)}`).catch(() => null));
    s.order = await orders.get(s.orderId);
  }));
  return sessions;
}

/**
 * The course of an order as ordered (GET /api/orders/{id}/course), or null for a single session; with
 * {@code bandPatients}, its 5-95 % bands over that many virtual patients.
 */
export async function orderCourse(o, bandPatients) {
  if (!o.schedule || !(o.schedule.sessions > 1)) return null;
  return get(`/api/orders/${encodeURIComponent(o.id)}/course?timeline=true${bandPatients ? `&uncertainty=${bandPatients}` : ''}`);
}

/** The warnings of the unit's rules for a booking by hand, in a few words (the server says them in full). */
const ON_CALL_SHORT = {
  UNIT_CLOSED: 'unit closed', OUTSIDE_OPENING_HOURS: 'outside opening hours', AFTER_LAB_CUTOFF: 'after the lab cut-off',
  LABS_NOT_BACK: 'labs not back',
};
const sentence = (t) => (t ? t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.') : '');

/**
 * A booking or move by hand that the server answered with warnings of the unit's rules (409 BOOKING_WARNINGS_OPEN):
 * each warning in words, and "Book anyway (on call)", which calls {@code resend} with exactly those codes to send
 * again as acknowledgedWarnings. Null for any other answer (the page shows it as before).
 */
export function onCallPrompt(err, resend, what = 'Book') {
  if (!err || !err.body || err.body.key !== 'BOOKING_WARNINGS_OPEN') return null;
  const open = Array.isArray(err.body.unacknowledged) ? err.body.unacknowledged : [];
  const button = h('button', { class: 'btn btn-danger', type: 'button', id: 'book-anyway' }, `${what} anyway (on call)`);
  const box = h('div', { class: 'alert alert-warning on-call-prompt', id: 'on-call-warning', role: 'alert' },
    h('h4', {}, 'Outside the unit’s rules: not booked yet'),
    h('ul', {}, open.map((w) => h('li', { dataset: { code: w.code } }, sentence(w.message), ' ', h('span', { class: 'code' }, w.code)))),
    h('p', { class: 'small' }, 'Go ahead only for a session that must run then (on call). Your name and these warnings are kept with the session and in the audit trail; or change the time.'),
    h('div', { class: 'actions' }, button));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try { await resend(open.map((w) => w.code)); } finally { button.disabled = false; }
  });
  return box;
}

/**
 * The small marker of a session booked outside the unit's rules (on call), the reason in its title; with
 * {@code full}, instead, a note saying who booked it and every warning in words. Null for a session booked inside
 * them.
 */
export function onCallMarker(s, full = false) {
  const a = s && s.bookingAcknowledgement;
  if (!a || !Array.isArray(a.warnings) || !a.warnings.length) return null;
  const short = a.warnings.map((w) => ON_CALL_SHORT[w.code] || label(w.code)).join(', ');
  const why = `Booked on call by ${staffName(a.acknowledgedBy)} at ${dateTime(a.acknowledgedAt)}: ${a.warnings.map((w) => w.message).join('; ')}`;
  const chip = h('span', { class: 'chip chip-on-call', dataset: { onCall: s.id }, title: why }, `On call · ${short}`);
  if (!full) return chip;
  return h('div', { class: 'alert alert-warning on-call-note', id: 'on-call-note' },
    h('strong', {}, `Booked on call by ${staffName(a.acknowledgedBy)} at ${dateTime(a.acknowledgedAt)}, outside the unit’s rules:`),
    h('ul', { class: 'small' }, a.warnings.map((w) => h('li', { dataset: { code: w.code } }, sentence(w.message)))));
}
