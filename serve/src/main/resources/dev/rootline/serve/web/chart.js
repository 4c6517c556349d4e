// The histogram: bars stacked by source, burst bands behind them, ENI create/delete marks above, and a brush:
// drag across the chart to narrow the range. Drawn as SVG from numbers; every label is set as text.
import { svg, clear, colourOf, formatCount } from './dom.js';

const H = 180;
const PAD = { left: 48, right: 12, top: 16, bottom: 26 };

export function drawHistogram(container, data, onBrush) {
  clear(container);
  const width = Math.max(320, container.clientWidth || 800);
  const root = svg('svg', { width, height: H, viewBox: `0 0 ${width} ${H}`, class: 'histogram', 'data-testid': 'histogram' });
  container.append(root);
  if (!data || !data.count) {
    root.append(svg('text', { x: width / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty', text: 'No events in this range' }));
    return;
  }
  const plotW = width - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = data.count;
  const sources = Object.keys(data.sources);
  const totals = new Array(n).fill(0);
  for (const s of sources) data.sources[s].forEach((v, i) => { totals[i] += v; });
  const max = Math.max(1, ...totals);
  const start = data.start;
  const end = data.start + data.width * n;
  const x = (ms) => PAD.left + ((ms - start) / (end - start)) * plotW;
  const y = (v) => PAD.top + plotH - (v / max) * plotH;

  // bursts: bands behind the bars
  for (const b of data.bursts || []) {
    const x0 = Math.max(PAD.left, x(Date.parse(b.start)));
    const x1 = Math.min(PAD.left + plotW, Math.max(x0 + 2, x(Date.parse(b.end))));
    const band = svg('rect', { x: x0, y: PAD.top, width: x1 - x0, height: plotH, class: 'burst' });
    band.append(svg('title', { text: `burst ${b.id}: ${b.signature} to ${b.target || '?'}, ${formatCount(b.count)} failures` }));
    root.append(band);
  }

  const bw = plotW / n;
  const bars = svg('g', { class: 'bars' });
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (const s of sources) {
      const v = data.sources[s][i];
      if (!v) continue;
      const y0 = y(acc);
      const y1 = y(acc + v);
      const r = svg('rect', { x: PAD.left + i * bw + (bw > 3 ? 0.5 : 0), y: y1, width: Math.max(1, bw - (bw > 3 ? 1 : 0)),
        height: Math.max(1, y0 - y1), fill: colourOf(s) });
      r.append(svg('title', { text: `${s}: ${formatCount(v)}` }));
      bars.append(r);
      acc += v;
    }
  }
  root.append(bars);

  // ENI create/delete marks
  for (const m of (data.eni || []).filter((e) => e.controlPlane)) {
    const mx = x(Date.parse(m.time));
    if (mx < PAD.left || mx > PAD.left + plotW) continue;
    const g = svg('g', { class: 'eni eni-' + (m.action === 'create' ? 'create' : 'delete') });
    g.append(svg('line', { x1: mx, x2: mx, y1: PAD.top - 8, y2: PAD.top + plotH }));
    g.append(svg('path', { d: m.action === 'create' ? `M${mx - 4} ${PAD.top - 4}l4 -6l4 6z` : `M${mx - 4} ${PAD.top - 10}l4 6l4 -6z` }));
    g.append(svg('title', { text: `${m.action} ${m.eniId || ''} ${m.subnetId || ''} ${m.description || ''}`.trim() }));
    root.append(g);
  }

  // axes
  root.append(svg('line', { x1: PAD.left, x2: PAD.left + plotW, y1: PAD.top + plotH, y2: PAD.top + plotH, class: 'axis' }));
  root.append(svg('text', { x: PAD.left - 6, y: PAD.top + 4, 'text-anchor': 'end', class: 'tick', text: formatCount(max) }));
  root.append(svg('text', { x: PAD.left - 6, y: PAD.top + plotH, 'text-anchor': 'end', class: 'tick', text: '0' }));
  // ticks on bucket edges, which are round times (the server aligns buckets to their width)
  const maxTicks = Math.max(2, Math.min(7, Math.floor(plotW / 140)));
  const every = Math.max(1, Math.ceil(n / maxTicks));
  for (let i = 0; i <= n; i += every) {
    const ms = start + i * data.width;
    const tx = x(ms);
    if (tx > PAD.left + plotW - 40 && i !== 0) continue; // keep the last label inside the chart
    root.append(svg('line', { x1: tx, x2: tx, y1: PAD.top + plotH, y2: PAD.top + plotH + 4, class: 'axis' }));
    root.append(svg('text', { x: tx, y: H - 8, 'text-anchor': i === 0 ? 'start' : 'middle', class: 'tick', text: tickLabel(ms, every * data.width) }));
  }

  // the brush
  const sel = svg('rect', { x: 0, y: PAD.top, width: 0, height: plotH, class: 'brush', visibility: 'hidden' });
  const hit = svg('rect', { x: PAD.left, y: 0, width: plotW, height: H, class: 'brush-area', 'data-testid': 'brush-area' });
  root.append(sel, hit);
  let from = null;
  const local = (ev) => {
    const box = root.getBoundingClientRect();
    return Math.min(PAD.left + plotW, Math.max(PAD.left, ev.clientX - box.left));
  };
  hit.addEventListener('pointerdown', (ev) => {
    from = local(ev);
    hit.setPointerCapture(ev.pointerId);
    sel.setAttribute('x', from);
    sel.setAttribute('width', 0);
    sel.setAttribute('visibility', 'visible');
  });
  hit.addEventListener('pointermove', (ev) => {
    if (from === null) return;
    const to = local(ev);
    sel.setAttribute('x', Math.min(from, to));
    sel.setAttribute('width', Math.abs(to - from));
  });
  const finish = (ev) => {
    if (from === null) return;
    const to = local(ev);
    const a = Math.min(from, to);
    const b = Math.max(from, to);
    from = null;
    sel.setAttribute('visibility', 'hidden');
    if (b - a < 3) return; // a click, not a drag
    // snapped outwards to bucket edges: the new range holds every bar the drag touched, and reads as round times
    const ms = (px) => start + ((px - PAD.left) / plotW) * (end - start);
    const lo = start + Math.floor((ms(a) - start) / data.width) * data.width;
    const hi = start + Math.ceil((ms(b) - start) / data.width) * data.width;
    onBrush(lo, Math.max(hi, lo + data.width));
  };
  hit.addEventListener('pointerup', finish);
  hit.addEventListener('pointercancel', () => { from = null; sel.setAttribute('visibility', 'hidden'); });
}

/** A label as precise as the step between ticks: dates for whole days, times within a day, seconds below a minute. */
function tickLabel(ms, step) {
  const iso = new Date(ms).toISOString();
  if (step % 86400e3 === 0) return iso.slice(0, 10);
  if (step >= 3600e3 || ms % 86400e3 === 0) return iso.slice(5, 16).replace('T', ' ');
  if (step >= 60e3) return iso.slice(11, 16);
  return iso.slice(11, 19);
}
