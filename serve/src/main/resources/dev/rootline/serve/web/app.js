// rootline serve: the page. State lives in the address (?q=&from=&to=), so a pasted link reproduces the view.
import { $, el, clear, shortTime, briefTime, formatCount, colourOf } from './dom.js';
import * as api from './api.js';
import { drawHistogram } from './chart.js';
import { Detail } from './detail.js';

const PAGE = 100;
const state = { q: '', from: '', to: '', cursors: [null], page: 0, rows: [], selected: -1, annotations: {}, hist: null };
let detail;
let session = { readOnly: true, investigations: false };
let generation = 0; // answers to an older search are dropped

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') || '';
  state.from = p.get('from') || '';
  state.to = p.get('to') || '';
  $('q').value = state.q;
  $('from').value = state.from;
  $('to').value = state.to;
}

function writeUrl(push) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  const url = p.toString() ? '/?' + p.toString() : '/';
  if (url !== location.pathname + location.search) {
    (push ? history.pushState : history.replaceState).call(history, null, '', url);
  }
}

function params() {
  return { q: state.q, from: state.from, to: state.to };
}

function showQueryError(err) {
  const box = $('query-error');
  if (!err) {
    box.hidden = true;
    $('q').removeAttribute('aria-invalid');
    return;
  }
  box.hidden = false;
  $('q').setAttribute('aria-invalid', 'true');
  // the caret line below shows the query: the message need not repeat it
  const prefix = `bad query '${state.q}': `;
  $('query-error-message').textContent = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  const caret = $('query-error-caret');
  if (Number.isInteger(err.position) && err.position >= 0) {
    caret.textContent = state.q + '\n' + ' '.repeat(err.position) + '^';
    caret.hidden = false;
  } else {
    caret.hidden = true;
  }
}

async function run(push = true) {
  state.cursors = [null];
  state.page = 0;
  writeUrl(push);
  const mine = ++generation;
  document.body.dataset.state = 'busy';
  showQueryError(null);
  $('status').textContent = 'Searching…';
  const ok = await loadPage(mine);
  if (ok && mine === generation) {
    await Promise.all([loadHistogram(mine), loadFacets(mine)]).catch((e) => { $('status').textContent = e.message; });
  }
  // tests and screen readers alike wait for this: every part of the view shows the same query
  if (mine === generation) document.body.dataset.state = 'idle';
}

async function loadPage(mine = generation) {
  let r;
  try {
    r = await api.search({ ...params(), limit: PAGE, after: state.cursors[state.page] });
  } catch (e) {
    if (mine !== generation) return false;
    if (e.status === 400) showQueryError(e);
    $('status').textContent = e.status === 400 ? 'The query or range has a problem (see above).' : e.message;
    $('total').textContent = '–';
    clear($('rows'));
    clear($('chart')).append(el('p', { class: 'chart-note', text: 'No chart until the query runs.' }));
    clear($('legend'));
    clear($('facets'));
    $('chart-caption').textContent = '';
    return false;
  }
  if (mine !== generation) return false;
  state.rows = r.events;
  state.summaries = r.summaries;
  state.annotations = { ...state.annotations, ...r.annotations };
  state.cursors[state.page + 1] = r.next;
  $('total').textContent = formatCount(r.total);
  $('total-label').textContent = r.total === 1 ? 'matching event' : 'matching events';
  const first = state.page * PAGE + 1;
  $('page-info').textContent = r.total ? `${formatCount(first)}–${formatCount(first + r.events.length - 1)} of ${formatCount(r.total)}` : '';
  $('prev').disabled = state.page === 0;
  $('next').disabled = !r.next;
  $('status').textContent = r.total === 0 ? '0 matching events' : '';
  renderRows();
  return true;
}

function renderRows() {
  const body = clear($('rows'));
  state.rows.forEach((e, i) => {
    const a = state.annotations[e.id];
    // one row in the tab order (the selected one, else the first): Tab reaches the results, j/k or arrows move
    const tr = el('tr', { tabindex: i === 0 ? '0' : '-1', 'data-id': e.id, 'aria-selected': String(i === state.selected),
      class: 'level-' + (e.level || 'none').toLowerCase(), onclick: () => select(i),
      onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(i); } } },
      el('td', { class: 'c-star', text: a && a.starred ? '★' : '', title: a && a.starred ? 'starred' : null }),
      el('td', { class: 'c-time mono', text: shortTime(e.time) }),
      el('td', { class: 'c-source' }, el('span', { class: 'swatch', 'data-source': e.source }), e.source),
      el('td', { class: 'c-level', text: e.level || '' }),
      el('td', { class: 'c-summary' }, el('span', { text: state.summaries[e.id] || e.message || '' }),
        ...(a && a.tags.length ? a.tags.map((t) => el('span', { class: 'tag', text: t })) : [])));
    body.append(tr);
  });
  for (const s of body.querySelectorAll('.swatch')) s.style.backgroundColor = colourOf(s.dataset.source);
  state.selected = -1;
}

function markSelected(i) {
  state.selected = i;
  const rows = $('rows').children;
  for (let r = 0; r < rows.length; r++) {
    rows[r].setAttribute('aria-selected', String(r === i));
    rows[r].setAttribute('tabindex', r === i || (i < 0 && r === 0) ? '0' : '-1');
  }
}

function select(i) {
  if (i < 0 || i >= state.rows.length) return;
  markSelected(i);
  const rows = $('rows').children;
  rows[i].focus({ preventScroll: false });
  rows[i].scrollIntoView({ block: 'nearest' });
  detail.open(state.rows[i].id);
}

async function loadHistogram(mine) {
  const h = await api.histogram({ ...params(), buckets: 120 });
  if (mine !== generation) return;
  state.hist = h;
  drawHistogram($('chart'), h, (fromMs, toMs) => {
    state.from = iso(fromMs);
    state.to = iso(toMs);
    $('from').value = state.from;
    $('to').value = state.to;
    $('preset').value = '';
    run(true);
  });
  const legend = clear($('legend'));
  for (const s of Object.keys(h.sources || {})) {
    const sw = el('span', { class: 'swatch' });
    sw.style.backgroundColor = colourOf(s);
    const n = h.sources[s].reduce((a, b) => a + b, 0);
    legend.append(el('li', {}, sw, `${s} ${formatCount(n)}`));
  }
  if ((h.bursts || []).length) legend.append(el('li', { class: 'legend-burst' }, el('span', { class: 'swatch burst-swatch' }), `${h.bursts.length} failure burst${h.bursts.length > 1 ? 's' : ''}`));
  const cp = (h.eni || []).filter((e) => e.controlPlane);
  if (cp.length) legend.append(el('li', { class: 'legend-eni' }, el('span', { class: 'swatch eni-swatch' }), `${cp.length} EKS control-plane ENI create/delete`));
  $('chart-caption').textContent = h.count ? `${briefTime(h.from)} – ${briefTime(h.to)} · one bar = ${duration(h.width)}` : '';
}

/** An instant as short as it reads: no ".000" on whole seconds. */
function iso(ms) {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function duration(ms) {
  const units = [[86400e3, 'd'], [3600e3, 'h'], [60e3, 'min'], [1e3, 's']];
  for (const [u, name] of units) if (ms >= u && ms % u === 0) return `${ms / u} ${name}`;
  return `${ms} ms`;
}

async function loadFacets(mine) {
  const [f, notes] = await Promise.all([api.facets(params()), api.annotations()]);
  if (mine !== generation) return;
  const box = clear($('facets'));
  const starred = notes.annotations.filter((a) => a.starred).length;
  if (starred || Object.keys(notes.tags).length) {
    // annotations of the whole index, not of the hits: a way back to what was marked
    const list = el('ul', { class: 'facet-values' });
    if (starred) list.append(el('li', {}, facetButton('starred', 'true', '★ starred', starred, 'starred:true')));
    for (const [tag, n] of Object.entries(notes.tags)) list.append(el('li', {}, facetButton('tag', tag, '#' + tag, n, `tag:${quote(tag)}`)));
    box.append(el('section', { class: 'facet-group' }, el('h3', { text: 'annotations' }), list));
  }
  for (const [field, values] of Object.entries(f.facets)) {
    if (!values.length) continue;
    const list = el('ul', { class: 'facet-values' });
    for (const v of values) {
      list.append(el('li', {}, el('button', { type: 'button', class: 'facet', 'data-field': field, 'data-value': v.value,
        title: `add ${field}:"${v.value}" to the query`, onclick: () => addFilter(field, v.value) },
        el('span', { class: 'facet-value', text: facetLabel(v.value) }), el('span', { class: 'facet-count', text: formatCount(v.count) }))));
    }
    box.append(el('section', { class: 'facet-group' }, el('h3', { text: field }), list));
  }
}

/** Long values (ARNs) differ at their end: show that end. The full value is in the title and the filter. */
function facetLabel(v) {
  return v.length > 26 ? '…' + v.slice(-25) : v;
}

function facetButton(field, value, label, count, clause) {
  return el('button', { type: 'button', class: 'facet', 'data-field': field, 'data-value': value,
    title: `add ${clause} to the query`, onclick: () => addClause(clause) },
    el('span', { class: 'facet-value', text: label }), el('span', { class: 'facet-count', text: formatCount(count) }));
}

function quote(v) {
  return '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

function addFilter(field, value) {
  addClause(`${field}:${quote(value)}`);
}

function addClause(clause) {
  state.q = state.q.trim() ? `(${state.q.trim()}) AND ${clause}` : clause;
  $('q').value = state.q;
  run(true);
}

const SPANS = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3 };

/** A preset as from/to: "eX" counts back from the evidence's last event, "-X" from now. */
function rangeFromPreset(v) {
  if (v === 'all') return ['', ''];
  if (v.startsWith('e') && session.last) {
    const end = Date.parse(session.last) + 1;
    return [iso(end - SPANS[v.slice(1)]), iso(end)];
  }
  return [v.replace(/^e/, '-'), ''];
}

async function zoomOut() {
  const h = state.hist;
  if (!h || !h.from) return;
  const a = Date.parse(h.from);
  const b = Date.parse(h.to);
  const span = b - a;
  state.from = iso(a - span / 2);
  state.to = iso(b + span / 2);
  $('from').value = state.from;
  $('to').value = state.to;
  run(true);
}

async function loadReports() {
  let r;
  try {
    r = await api.investigations();
  } catch (e) {
    $('inv-status').textContent = e.message;
    return;
  }
  $('investigate').disabled = !r.available;
  if (!r.available) $('inv-status').textContent = session.readOnly ? 'Read-only server: investigations are off.' : 'Investigations are not available on this server.';
  const list = clear($('reports'));
  $('reports-count').textContent = String(r.investigations.length);
  for (const inv of r.investigations) {
    const html = inv.files.find((f) => f.endsWith('/report.html'));
    const label = `${briefTime(inv.from)} – ${briefTime(inv.to)}`;
    const item = el('li', {});
    // only the server's own report paths become links: nothing from the evidence is ever an href
    if (html && html.startsWith('/reports/')) item.append(el('a', { href: html, target: '_blank', rel: 'noopener noreferrer', text: label }));
    else item.append(el('span', { text: label }));
    item.append(' ', el('span', { class: 'inv-state', text: inv.state }));
    if (inv.topKind) item.append(' · ', el('span', { class: 'inv-top', text: `#1 ${inv.topKind} ${inv.topScore.toFixed(2)}: ${inv.topTitle}` }));
    list.append(item);
  }
}

async function investigate() {
  const h = state.hist;
  $('investigate').disabled = true;
  let job;
  try {
    job = await api.investigate(state.from ? h && h.from : null, state.to ? h && h.to : null);
  } catch (e) {
    $('inv-status').textContent = e.message;
    $('investigate').disabled = false;
    return;
  }
  const poll = async () => {
    const j = await api.investigation(job.id);
    const secs = j.elapsedMillis ? ` (${Math.round(j.elapsedMillis / 1000)} s)` : '';
    $('inv-status').textContent = `Investigation ${j.state}${j.step ? ': ' + j.step : ''}${secs}${j.message ? ' — ' + j.message : ''}`;
    if (j.state === 'queued' || j.state === 'running') {
      setTimeout(poll, 1000);
    } else {
      $('investigate').disabled = false;
      await loadReports();
      if (j.state === 'done') $('reports-box').open = true; // show where the new report is
    }
  };
  poll();
}

function keys(ev) {
  const t = ev.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    $('q').focus();
    $('q').select();
  } else if (['j', 'k', 'ArrowDown', 'ArrowUp'].includes(ev.key) && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey
             && (ev.key.length === 1 || t instanceof HTMLTableRowElement)) {
    ev.preventDefault();
    const down = ev.key === 'j' || ev.key === 'ArrowDown';
    const next = state.selected < 0 ? 0 : state.selected + (down ? 1 : -1);
    select(Math.max(0, Math.min(state.rows.length - 1, next)));
  } else if (ev.key === 'Escape' && !$('detail').hidden) {
    detail.close();
  }
}

async function main() {
  try {
    session = await api.session();
  } catch (e) {
    $('status').textContent = e.message;
    return;
  }
  $('index-name').textContent = session.index;
  detail = new Detail({
    canWrite: !session.readOnly,
    onOpen: (id) => detail.open(id),
    onAnnotated: (id, a) => {
      state.annotations[id] = a;
      const s = state.selected;
      renderRows();
      markSelected(s); // the focus stays on the star or the note
      loadFacets(generation).catch(() => {}); // the annotations group counts it
    },
  });
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.q = $('q').value.trim();
    state.from = $('from').value.trim();
    state.to = $('to').value.trim();
    run(true);
  });
  $('preset').addEventListener('change', () => {
    const v = $('preset').value;
    if (!v) return;
    [state.from, state.to] = rangeFromPreset(v);
    $('from').value = state.from;
    $('to').value = state.to;
    state.q = $('q').value.trim();
    run(true);
  });
  $('zoom-out').addEventListener('click', zoomOut);
  $('prev').addEventListener('click', async () => { if (state.page > 0) { state.page--; await loadPage(); } });
  $('next').addEventListener('click', async () => { if (state.cursors[state.page + 1]) { state.page++; await loadPage(); } });
  $('investigate').addEventListener('click', investigate);
  document.addEventListener('keydown', keys);
  window.addEventListener('popstate', () => { readUrl(); run(false); });
  window.addEventListener('resize', () => { if (state.hist) loadHistogram(generation); });
  readUrl();
  await run(false);
  loadReports();
  document.body.dataset.ready = 'true';
}

main();
