// The event detail: every field, the raw record, where it was read, its annotation, and its neighbours.
import { $, el, clear, shortTime } from './dom.js';
import * as api from './api.js';

const SKIP = new Set(['raw', 'provenance', 'attributes']);

export class Detail {
  constructor({ onOpen, onAnnotated, canWrite }) {
    this.onOpen = onOpen;
    this.onAnnotated = onAnnotated;
    this.canWrite = canWrite;
    this.current = null;
    $('detail-close').addEventListener('click', () => this.close());
    $('star').addEventListener('click', () => this.toggleStar());
    $('save-note').addEventListener('click', () => this.saveNote());
  }

  close() {
    $('detail').hidden = true;
    this.current = null;
  }

  async open(id) {
    const panel = $('detail');
    panel.hidden = false;
    $('detail-summary').textContent = 'Loading…';
    let d;
    try {
      d = await api.event(id, 5);
    } catch (e) {
      $('detail-summary').textContent = e.message;
      return;
    }
    this.current = d;
    const e = d.event;
    $('detail-title').textContent = `${e.source} event · ${shortTime(e.time)}`;
    $('detail-summary').textContent = d.summary;
    const p = d.provenance;
    $('detail-provenance').textContent = `${p.file}` + (p.offset >= 0 ? ` · byte ${p.offset}` : '') + (p.line >= 0 ? ` · line ${p.line}` : '');
    const fields = clear($('detail-fields'));
    for (const [k, v] of Object.entries(e)) {
      if (SKIP.has(k) || v === null || v === undefined) continue;
      fields.append(el('dt', { text: k }), el('dd', { text: Array.isArray(v) ? v.join(', ') : String(v) }));
    }
    for (const [k, v] of Object.entries(e.attributes || {})) {
      fields.append(el('dt', { text: k }), el('dd', { text: String(v) }));
    }
    $('detail-raw').textContent = d.rawPretty ?? e.raw ?? '';
    this.showAnnotation(d.annotation);
    $('around-caption').textContent = `±${d.aroundMinutes} min, every source`;
    const around = clear($('detail-around'));
    for (const a of d.around) {
      const b = el('button', { type: 'button', class: 'link' + (a.id === e.id ? ' self' : ''),
        'aria-current': a.id === e.id ? 'true' : null, onclick: () => this.onOpen(a.id) },
        el('span', { class: 'mono', text: shortTime(a.time) }), ' ', el('span', { class: 'src', text: a.source }), ' ',
        el('span', { text: a.summary }));
      around.append(el('li', {}, b));
    }
  }

  showAnnotation(a) {
    const starred = !!(a && a.starred);
    const star = $('star');
    star.setAttribute('aria-pressed', String(starred));
    star.textContent = starred ? '★ Starred' : '☆ Star';
    $('tags').value = a ? a.tags.join(', ') : '';
    $('comment').value = a && a.comment ? a.comment : '';
    $('note-status').textContent = '';
    for (const id of ['star', 'tags', 'comment', 'save-note']) $(id).disabled = !this.canWrite;
  }

  async toggleStar() {
    if (!this.current) return;
    const starred = $('star').getAttribute('aria-pressed') !== 'true';
    await this.write({ starred });
  }

  async saveNote() {
    if (!this.current) return;
    const tags = $('tags').value.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
    await this.write({ tags, comment: $('comment').value });
  }

  async write(note) {
    const id = this.current.event.id;
    try {
      const a = await api.annotate(id, note);
      this.current.annotation = a;
      this.showAnnotation(a);
      $('note-status').textContent = 'Saved';
      this.onAnnotated(id, a);
    } catch (e) {
      $('note-status').textContent = e.message;
    }
  }
}
