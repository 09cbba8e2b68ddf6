import { h } from './dom.js';

const recordHref = (collectionId, recordId) => `/collections/${encodeURIComponent(collectionId)}/records/${encodeURIComponent(recordId)}`;
const collectionHref = (collectionId) => `/collections/${encodeURIComponent(collectionId)}`;

export function formatValue(value, type) {
  if (value === null || value === undefined || value === '') return h('span', { className: 'field-empty' }, '—');
  if (type === 'boolean') return value ? 'Yes' : 'No';
  if (type === 'number') return Number(value).toLocaleString('en-US');
  if (type === 'status') return h('span', { className: 'status-pill' }, value);
  return String(value);
}

export function loadingView() {
  return h('div', { className: 'loading', role: 'status' }, 'Loading…');
}

export function messageView(title, detail) {
  return h('section', { className: 'message-view' }, h('h1', null, title), detail ? h('p', null, detail) : null, h('p', null, h('a', { href: '/collections' }, 'Back to collections')));
}

export function sidebarView(collections, activeId) {
  return h(
    'nav',
    { className: 'sidebar', 'aria-label': 'Collections' },
    h('h2', null, 'Collections'),
    h(
      'ul',
      null,
      collections.map((c) =>
        h('li', { className: c.id === activeId ? 'active' : null }, h('a', { href: collectionHref(c.id) }, c.name, h('span', { className: 'count' }, c.recordCount))),
      ),
    ),
  );
}

export function collectionsView(collections) {
  return h(
    'section',
    { className: 'collections-view' },
    h('h1', null, 'Collections'),
    h(
      'ul',
      { className: 'collection-list' },
      collections.map((c) => h('li', null, h('a', { href: collectionHref(c.id) }, c.name), h('span', { className: 'count' }, `${c.recordCount} records`))),
    ),
  );
}

export function recordListView(list) {
  const { collection, columns, records, total, from, size } = list;
  const pageLink = (start, label) => h('a', { href: `${collectionHref(collection.id)}?from=${start}`, className: 'pager-link' }, label);
  return h(
    'section',
    { className: 'record-list-view' },
    h('header', { className: 'list-header' }, h('h1', null, collection.name), h('span', { className: 'count' }, `${total} records`)),
    records.length === 0
      ? h('p', { className: 'empty' }, 'No records yet.')
      : h(
          'table',
          { className: 'records-table' },
          h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
          h(
            'tbody',
            null,
            records.map((r) =>
              h(
                'tr',
                null,
                columns.map((c, i) => h('td', null, i === 0 ? h('a', { href: recordHref(collection.id, r.id) }, r.title) : formatValue(r.values[c.id], c.type))),
              ),
            ),
          ),
        ),
    h(
      'nav',
      { className: 'pager', 'aria-label': 'Pages' },
      from > 0 ? pageLink(Math.max(0, from - size), '← Previous') : null,
      total > 0 ? h('span', null, `${from + 1}–${Math.min(from + size, total)} of ${total}`) : null,
      from + size < total ? pageLink(from + size, 'Next →') : null,
    ),
  );
}

function recordHeader(record, actions) {
  return [
    h('nav', { className: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '/collections' }, 'Collections'), ' / ', h('a', { href: collectionHref(record.collection.id) }, record.collection.name)),
    h('header', { className: 'record-header' }, h('h1', { className: 'record-title' }, record.title), h('div', { className: 'record-actions' }, actions)),
  ];
}

export function recordView(record, { onRefresh, onEdit }) {
  return h(
    'section',
    { className: 'record-view' },
    recordHeader(record, [
      h('button', { type: 'button', className: 'btn', onClick: onRefresh }, 'Refresh'),
      h('button', { type: 'button', className: 'btn btn-primary', onClick: onEdit }, 'Edit'),
    ]),
    h(
      'table',
      { className: 'record-fields' },
      h(
        'tbody',
        null,
        record.fields.map((f) => h('tr', { className: 'record-field' }, h('th', { scope: 'row', className: 'field-label' }, f.label), h('td', { className: 'field-value' }, formatValue(f.value, f.type)))),
      ),
    ),
    h('footer', { className: 'record-meta' }, `Updated ${new Date(record.updatedAt).toLocaleString('en-US')}`),
  );
}

export function recordEditView(record, columns, { onSave, onCancel, errors = [], message }) {
  const values = new Map(record.fields.map((f) => [f.columnId, f.value]));
  const errorFor = (columnId) => errors.filter((e) => e.field === columnId).map((e) => h('p', { className: 'field-error' }, e.message));
  const form = h(
    'form',
    { className: 'record-form', onSubmit: (event) => (event.preventDefault(), onSave(changedValues(form, columns, values))) },
    message ? h('p', { className: 'form-error', role: 'alert' }, message) : null,
    h(
      'table',
      { className: 'record-fields' },
      h(
        'tbody',
        null,
        columns.map((c) =>
          h(
            'tr',
            { className: 'record-field' },
            h('th', { scope: 'row', className: 'field-label' }, h('label', { for: `field-${c.id}` }, c.label, c.required ? ' *' : '')),
            h('td', { className: 'field-value' }, c.readOnly ? formatValue(values.get(c.id), c.type) : input(c, values.get(c.id)), errorFor(c.id)),
          ),
        ),
      ),
    ),
    h('div', { className: 'form-actions' }, h('button', { type: 'submit', className: 'btn btn-primary' }, 'Save'), h('button', { type: 'button', className: 'btn', onClick: onCancel }, 'Cancel')),
  );
  return h('section', { className: 'record-view editing' }, recordHeader(record, []), form);
}

function input(column, value) {
  const common = { id: `field-${column.id}`, name: column.id };
  if (column.type === 'boolean') return h('input', { ...common, type: 'checkbox', checked: value === true });
  if (column.options) {
    return h('select', common, h('option', { value: '' }, '—'), column.options.map((o) => h('option', { value: o, selected: o === value }, o)));
  }
  return h('input', { ...common, type: column.type === 'number' ? 'number' : 'text', step: column.type === 'number' ? 'any' : null, value: value ?? '' });
}

/** The fields the user changed, in the types the columns take: '' clears, numbers and booleans parse. */
function changedValues(form, columns, original) {
  const changed = {};
  for (const column of columns.filter((c) => !c.readOnly)) {
    const field = form.elements.namedItem(column.id);
    let value;
    if (column.type === 'boolean') value = field.checked;
    else if (field.value.trim() === '') value = null;
    else value = column.type === 'number' ? Number(field.value) : field.value;
    const before = original.get(column.id) ?? null;
    if (value !== before && !(column.type === 'boolean' && value === false && before === null)) changed[column.id] = value;
  }
  return changed;
}
