import { api, HttpError } from './api.js';
import { h } from './dom.js';
import { collectionsView, loadingView, messageView, recordEditView, recordListView, recordView, sidebarView } from './views.js';

/** How often an open record re-renders from the server, as a live-updating app would. */
const RECORD_REFRESH_MS = 15_000;

const routes = [
  { pattern: /^\/$/, show: () => navigate('/collections', { replace: true }) },
  { pattern: /^\/collections\/?$/, show: showCollections },
  { pattern: /^\/collections\/([^/]+)\/?$/, show: showRecordList },
  { pattern: /^\/collections\/([^/]+)\/records\/([^/]+)\/?$/, show: showRecord },
  // A short link that names only the record (a route shape the extension has never been told about).
  { pattern: /^\/records\/([^/]+)\/?$/, show: showRecordByLink },
];

let current = { active: false, timers: [] };

function startView() {
  current.active = false;
  current.timers.forEach(clearInterval);
  const view = { active: true, timers: [] };
  current = view;
  const content = document.getElementById('app');
  return {
    /** Replaces the content, unless the user has navigated away since this view started. */
    mount(node) {
      if (view.active) content.replaceChildren(node);
    },
    every(ms, task) {
      view.timers.push(setInterval(task, ms));
    },
    get active() {
      return view.active;
    },
  };
}

async function render() {
  const path = location.pathname;
  const route = routes.find((r) => r.pattern.test(path));
  const params = route ? path.match(route.pattern).slice(1).map(decodeURIComponent) : [];
  const view = startView();
  view.mount(loadingView());
  void renderSidebar(params[0]);
  try {
    if (route) await route.show(view, ...params);
    else showMessage(view, 'Page not found', `Nothing lives at ${path}.`);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) showMessage(view, 'Not found', error.message);
    else showMessage(view, 'Something went wrong', String(error.message ?? error));
  }
}

function showMessage(view, title, detail) {
  document.title = `${title} · Asset Panda`;
  view.mount(messageView(title, detail));
}

async function showCollections(view) {
  const { collections } = await api.collections();
  document.title = 'Collections · Asset Panda';
  view.mount(collectionsView(collections));
}

async function showRecordList(view, collectionId) {
  const from = Number(new URLSearchParams(location.search).get('from') ?? 0) || 0;
  const list = await api.records(collectionId, from);
  document.title = `${list.collection.name} · Asset Panda`;
  view.mount(recordListView(list));
}

async function showRecord(view, collectionId, recordId) {
  let editing = false;
  const load = async () => {
    const record = await api.record(collectionId, recordId);
    document.title = `${record.title} · ${record.collection.name} · Asset Panda`;
    view.mount(recordView(record, { onRefresh: () => void load(), onEdit: () => edit(record).catch((error) => showMessage(view, 'Something went wrong', error.message)) }));
  };
  const edit = async (record, problem = {}) => {
    editing = true;
    const { columns } = await api.collection(collectionId);
    const save = async (values) => {
      try {
        await api.saveRecord(collectionId, recordId, values);
        editing = false;
        await load();
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        await edit(record, { message: error.message, errors: error.body?.errors ?? [] });
      }
    };
    const cancel = () => {
      editing = false;
      void load();
    };
    view.mount(recordEditView(record, columns, { onSave: (values) => void save(values), onCancel: cancel, ...problem }));
  };
  await load();
  view.every(RECORD_REFRESH_MS, () => {
    if (!editing) load().catch(() => {});
  });
}

async function showRecordByLink(view, recordId) {
  const { collectionId } = await api.recordLink(recordId);
  await showRecord(view, collectionId, recordId);
}

async function renderSidebar(activeId) {
  const { collections } = await api.collections().catch(() => ({ collections: [] }));
  document.querySelector('.sidebar')?.replaceWith(sidebarView(collections, activeId));
}

function navigate(to, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', to);
  else if (to !== location.pathname + location.search) history.pushState(null, '', to);
  return render();
}

/** Same-origin links navigate client-side; modified clicks and other origins behave as usual. */
function interceptLinks(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  void navigate(url.pathname + url.search);
}

async function start() {
  const session = await api.session().catch(() => ({ organization: { name: '' }, user: { name: '' } }));
  document.getElementById('root').replaceChildren(
    h(
      'div',
      { className: 'app-shell' },
      h('header', { className: 'topbar' }, h('a', { href: '/collections', className: 'brand' }, 'Asset Panda'), h('span', { className: 'org-name' }, session.organization.name), h('span', { className: 'user-name' }, session.user.name)),
      h('div', { className: 'layout' }, h('nav', { className: 'sidebar' }), h('main', { id: 'app', className: 'content' })),
    ),
  );
  document.addEventListener('click', interceptLinks);
  window.addEventListener('popstate', () => void render());
  await render();
}

void start();
