// Building blocks for the page. Everything from the index is log data, and log data is attacker-controlled:
// it only ever reaches the page as text (textContent, attribute values), never as markup.

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; attribute values are set as values, never parsed as markup. */
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

/** "2024-10-25T12:00:41.123Z" as "2024-10-25 12:00:41.123". */
export function shortTime(iso) {
  if (!iso) return '–';
  // whole seconds come without a fraction: pad so the column lines up
  const t = iso.replace('T', ' ').replace('Z', '');
  return /:\d\d$/.test(t) ? t + '.000' : t;
}

/** A range's end as briefly as it reads: "2024-10-25T00:00:00Z" as "2024-10-25 00:00", a fraction only when it has one. */
export function briefTime(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace('Z', '').replace(/\.000$/, '').replace(/(\d\d:\d\d):00$/, '$1');
}

export function formatCount(n) {
  return Number(n).toLocaleString('en-US');
}

/** A fixed, readable colour per source (contrast checked against the white background). */
const COLOURS = {
  cloudtrail: '#1d4f91', clouddriver: '#b3261e', 'k8s-event': '#2e7d32', ec2: '#6a3d9a', eks: '#8a5a00',
  log: '#00695c', 'eks-audit': '#ad1457', 'eks-authenticator': '#4e342e', vpcflow: '#37474f', activity: '#c2185b',
};
const SPARE = ['#455a64', '#5d4037', '#283593', '#00838f'];

export function colourOf(source) {
  if (COLOURS[source]) return COLOURS[source];
  let h = 0;
  for (const ch of source) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return SPARE[h % SPARE.length];
}
