import { html, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { AssetPandaState, ClassicEntity, ClassicObject } from '../assetpanda-api/state.ts';
import { escapeHtml, page } from './markup.ts';

const STYLE = `<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #222; }
.navbar { background: #1f3b57; color: #fff; padding: 10px 20px; font-weight: 600; }
main { padding: 20px; max-width: 800px; }
.object-fields { display: grid; grid-template-columns: 200px 1fr; gap: 6px 16px; }
.object-fields dt { color: #666; }
.object-fields dd { margin: 0; }
</style>`;

/**
 * Classic Asset Panda at login.assetpanda.com: one object per page at /<entity_key>/<object_id>,
 * the shape of the `share_url` the Classic API returns (object ids are 24 hex digits).
 */
export function classicPage(req: SandboxRequest, state: AssetPandaState): SandboxResponse {
  const path = req.url.pathname;
  if (path === '/') return html(200, page('Asset Panda', `<header class="navbar">Asset Panda</header><main>${entityIndex(state.classic.entities)}</main>`, STYLE));
  const [, entityKey, objectId] = /^\/([a-z0-9_]+)\/([0-9a-f]{24})\/?$/.exec(path) ?? [];
  const entity = state.classic.entities.find((e) => e.key === entityKey);
  const object = objectId ? entity?.objects.get(objectId) : undefined;
  if (!entity || !object) return html(404, page('Not found · Asset Panda', '<header class="navbar">Asset Panda</header><main><h1>Page not found</h1></main>', STYLE));
  return html(200, page(`${object.displayName} · ${entity.name} · Asset Panda`, `<header class="navbar">Asset Panda</header><main>${objectView(entity, object)}</main>`, STYLE));
}

function objectView(entity: ClassicEntity, object: ClassicObject): string {
  const rows = entity.fields
    .map((field) => `<dt>${escapeHtml(field.name)}</dt><dd data-field="${escapeHtml(field.key)}">${escapeHtml(object.values[field.key] ?? '')}</dd>`)
    .join('');
  return `<p class="entity-name"><a href="/">${escapeHtml(entity.name)}</a></p>
<h1 class="object-title">${escapeHtml(object.displayName)}</h1>
<dl class="object-fields">${rows}</dl>`;
}

function entityIndex(entities: ClassicEntity[]): string {
  return entities
    .map((entity) => {
      const links = [...entity.objects.values()]
        .slice(0, 100)
        .map((o) => `<li><a href="/${entity.key}/${o.id}">${escapeHtml(o.displayName)}</a></li>`)
        .join('');
      return `<h2>${escapeHtml(entity.name)}</h2><ul class="object-list">${links}</ul>`;
    })
    .join('');
}
