// The Ingestion dashboard: plain JavaScript over the JSON API (/api/...), no build step.
// Everything an article brings (text, names, titles, error messages) reaches the page as text nodes through h();
// nothing is ever assigned to innerHTML, and the Content-Security-Policy forbids inline script besides.
'use strict';

const API = '/api/';
const KEY_STORAGE = 'ingestion.functionKey';
const STATUSES = ['extracted', 'failed', 'cleaned', 'received'];
const TYPES = ['person', 'organization', 'location', 'event', 'other'];
const ATTRIBUTIONS = ['explicit', 'pronoun', 'role', 'continued', 'none'];
const ATTRIBUTION_HELP = {
  explicit: 'named next to the speech verb',
  pronoun: 'a pronoun resolved to the last person named',
  role: 'a role or group noun resolved to an entity',
  continued: 'continues the previous quote',
  none: 'no speaker could be told',
};

// ---- DOM helpers -------------------------------------------------------------------------------------------

/** h('a', {href: '#/x', class: 'y'}, 'text', child): an element; strings become text nodes, never markup. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const link = (hash, ...text) => h('a', { href: hash }, ...text);
const articleLink = (id, title) => link('#/article/' + encodeURIComponent(id), title || '(untitled)');
const entityLink = (name, text) => link('#/entity/' + encodeURIComponent(name), text || name);
const speakerLink = (name, text) => link('#/speaker/' + encodeURIComponent(name), text || name);
const statusBadge = status => h('span', { class: 'status status-' + (STATUSES.includes(status) || status === 'healthy' || status === 'unhealthy' ? status : 'other') }, status);
const typeBadge = type => h('span', { class: 'type ' + (TYPES.includes(type) ? type : 'other') }, type);
const attributionBadge = how => h('span', { class: 'attribution ' + (ATTRIBUTIONS.includes(how) ? how : 'none'), title: ATTRIBUTION_HELP[how] || '' }, how);

function show(...nodes) {
  const view = document.getElementById('view');
  view.replaceChildren(...nodes);
}

function problemBox(error) {
  return h('div', { class: 'problem', role: 'alert' }, h('strong', {}, error.title || 'Error'), error.detail ? ': ' + error.detail : '');
}

// ---- API ---------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || ('HTTP ' + status));
    this.status = status;
    this.title = problem.title || ('HTTP ' + status);
    this.detail = problem.detail || '';
  }
}

/** Thrown by api() for an answer that arrives after the user went to another page: that page's view is not shown. */
class StaleRoute extends Error {}

/** Counts navigations: an answer to an older one is dropped, so a slow page never replaces a newer one. */
let routeSerial = 0;

/** GET or POST under /api/; a problem-details answer becomes an ApiError; a 401 asks for the function key. */
async function api(path, options = {}) {
  const serial = routeSerial;
  const headers = { Accept: 'application/json' };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers['x-functions-key'] = key;
  const response = await fetch(API + path, { method: options.method || 'GET', headers });
  if (response.status === 401) {
    document.getElementById('key-form').hidden = false;
    throw new ApiError(401, { title: 'Function key needed', detail: 'enter the function key above' });
  }
  const body = await response.json().catch(() => ({}));
  if (serial !== routeSerial) throw new StaleRoute();
  if (!response.ok && response.status !== 503) throw new ApiError(response.status, body);
  return body;
}

/** An answer the page can do without: null when it fails (but a navigation away still stops the page). */
const optional = request => request.catch(error => {
  if (error instanceof StaleRoute) throw error;
  return null;
});

const query = params => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(name, value);
  const text = search.toString();
  return text ? '?' + text : '';
};

// ---- Views -------------------------------------------------------------------------------------------------

/** #/ and #/status/{status}: health, queue depths, articles by status with the failed ones' reasons. */
async function pipelineView(status) {
  status = STATUSES.includes(status) ? status : 'failed';
  const health = await api('health');
  const queues = health.queues || {};
  const storage = health.storage || {};
  const metrics = h('div', { class: 'grid', id: 'health' },
    metric('pipeline', statusBadge(health.status)),
    ...['blob', 'queue', 'table'].map(service => metric(service + ' storage', storage[service] && storage[service].reachable ? 'reachable' : 'unreachable')),
    metric('extract queue', queues.extract ?? '?'),
    metric('extract poison', queues.extractPoison ?? '?'),
    metric('blob trigger poison', queues.blobTriggerPoison ?? '?'));

  const tabs = h('div', { class: 'tabs', role: 'tablist' },
    STATUSES.map(s => h('a', { href: '#/status/' + s, class: s === status ? 'active' : null, role: 'tab' }, s)));
  const body = h('tbody');
  const table = h('table', { id: 'articles' },
    h('thead', {}, h('tr', {}, ['article', 'status', 'published', 'entities', 'quotes', status === 'failed' ? 'reason' : 'dropped as', ''].map(c => h('th', {}, c)))),
    body);
  const more = h('button', { class: 'secondary', hidden: true }, 'More');
  let continuation = null;
  const load = async () => {
    const page = await api('articles' + query({ status, pageSize: 50, continuation }));
    for (const item of page.items) body.append(articleRow(item, status));
    if (body.children.length === 0) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No ' + status + ' articles.')));
    continuation = page.continuation;
    more.hidden = !continuation;
  };
  more.addEventListener('click', () => load().catch(failUnlessStale));
  show(h('h1', {}, 'Pipeline'), metrics, h('h2', {}, 'Articles by status'), tabs, table, more);
  await load();
}

function metric(label, value) {
  return h('div', { class: 'metric' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
}

function articleRow(item, listed) {
  const reason = item.error ? [item.error.stage, item.error.kind].filter(Boolean).join('/') + ': ' + (item.error.message || '') : null;
  return h('tr', { 'data-id': item.id },
    h('td', {}, articleLink(item.id, item.title || item.name), item.duplicateOf ? h('div', { class: 'muted copy-of' }, 'copy of ', articleLink(item.duplicateOf, item.duplicateOf)) : null),
    h('td', {}, statusBadge(item.status)),
    h('td', {}, item.published || ''),
    h('td', {}, String(item.entityCount)),
    h('td', {}, String(item.quoteCount)),
    h('td', { class: reason ? 'error reason' : 'muted' }, listed === 'failed' ? (reason || '') : item.name),
    h('td', {}, item.status === 'failed' ? reprocessButton(item.id) : ''));
}

function reprocessButton(id) {
  const button = h('button', { class: 'reprocess', type: 'button' }, 'Reprocess');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Reprocessing…';
    try {
      const result = await api('articles/' + encodeURIComponent(id) + '/reprocess', { method: 'POST' });
      button.replaceWith(h('span', { class: 'reprocessed' }, 'reprocessed: ' + result.outcome + ', now ' + (result.status || '?')));
    } catch (error) {
      button.replaceWith(problemBox(error));
    }
  });
  return button;
}

/** #/article/{id}: the clean text with entity mentions marked, entities, quotes and how each was attributed. */
async function articleView(id) {
  const article = await api('articles/' + encodeURIComponent(id));
  const text = article.status === 'failed' && !article.cleanBlob ? null : await optional(api('articles/' + encodeURIComponent(id) + '/text'));
  const facts = h('p', { class: 'muted' },
    statusBadge(article.status), ' ', article.published || 'no date', ' · ', article.language || '?', ' · ', article.format || '?',
    ' · dropped as ', h('code', {}, article.name), ' · attempts ', String(article.attempts));
  const parts = [h('h1', {}, article.title || article.name), facts];
  if (article.error) {
    parts.push(h('div', { class: 'problem', id: 'article-error' },
      h('strong', {}, 'Failed in ' + (article.error.stage || '?') + ' (' + (article.error.kind || '?') + '): '), article.error.message || ''),
      h('p', {}, reprocessButton(article.id)));
  }
  const history = await optional(api('articles/' + encodeURIComponent(id) + '/versions'));
  const side = h('div', {},
    storyCard(article),
    h('h2', {}, 'Entities (' + article.entities.length + ')'),
    entityTable(article.entities));
  const main = h('div', {},
    h('h2', {}, 'Quotes (' + article.quotes.length + ')'),
    quoteTable(article.quotes),
    history ? historySection(history) : null,
    h('h2', {}, 'Text'),
    text ? cleanText(text, article.entities) : h('p', { class: 'muted' }, 'No clean text.'));
  parts.push(h('div', { class: 'two-cols' }, main, side));
  show(...parts);
}

const percent = value => Math.round((value || 0) * 100) + ' %';

/** The article's story: whose copy it is, or that it is the first, and the story's other articles. */
function storyCard(article) {
  if (!article.story) return null;
  const copies = article.copies || [];
  const heading = article.duplicateOf
    ? h('p', { id: 'story-of' }, 'A copy of ', articleLink(article.duplicateOf, (copies.find(c => c.id === article.duplicateOf) || {}).title || article.duplicateOf),
        ' (similarity ', percent(article.similarity), ')')
    : h('p', { id: 'story-of' }, copies.length ? 'The first copy of its story.' : 'The only copy of its story so far.');
  return h('div', { class: 'card story', id: 'story' },
    h('h2', {}, 'Story'),
    heading,
    copies.length
      ? h('ul', { id: 'story-copies' }, copies.map(c => h('li', { 'data-id': c.id },
          articleLink(c.id, c.title || c.name), c.first ? ' (first copy)' : ' (' + percent(c.similarity) + ')',
          h('div', { class: 'muted' }, c.format || '', ' · ', c.name))))
      : null);
}

/** One line for a version's or a copy's changes, as the API words it. */
const changeSummary = changes => changes ? changes.summary + (changes.abridged ? ' (abridged)' : '') : 'first version';

/** What changed, in full: the old and new title, paragraphs and quotes added (+) and removed (−). */
function changeDetails(changes) {
  if (!changes) return null;
  const items = [];
  if (changes.titleChanged) items.push(h('li', { class: 'removed' }, '− title: ', changes.titleBefore || ''), h('li', { class: 'added' }, '+ title: ', changes.titleAfter || ''));
  for (const b of changes.paragraphsRemoved) items.push(h('li', { class: 'removed' }, '− ', b.text));
  for (const b of changes.paragraphsAdded) items.push(h('li', { class: 'added' }, '+ ', b.text));
  for (const q of changes.quotesRemoved) items.push(h('li', { class: 'removed' }, '− quote: “', q.text, '” ', q.speaker ? '(' + q.speaker + ')' : ''));
  for (const q of changes.quotesAdded) items.push(h('li', { class: 'added' }, '+ quote: “', q.text, '” ', q.speaker ? '(' + q.speaker + ')' : ''));
  return items.length ? h('ul', { class: 'changes' }, items) : null;
}

/** The article's versions, oldest first, and (for a copy) how it differs from the story's first copy. */
function historySection(history) {
  const parts = [h('h2', {}, 'Versions (' + history.versions.length + ')')];
  const rows = [];
  for (const v of history.versions) {
    rows.push(h('tr', { class: v.current ? 'current' : null },
      h('td', {}, String(v.number), v.current ? h('div', { class: 'muted' }, 'current') : null),
      h('td', {}, v.receivedAt ? v.receivedAt.replace('T', ' ').slice(0, 19) : ''),
      h('td', {}, v.title || ''),
      h('td', {}, String(v.paragraphs)),
      h('td', {}, String(v.quotes)),
      h('td', {}, changeSummary(v.changes))));
    const details = changeDetails(v.changes);
    if (details) rows.push(h('tr', { class: 'details' }, h('td', { colspan: 6 }, details)));
  }
  parts.push(h('table', { id: 'versions' },
    h('thead', {}, h('tr', {}, ['#', 'received', 'title', 'paragraphs', 'quotes', 'changes'].map(c => h('th', {}, c)))),
    h('tbody', {}, rows)));
  if (history.copyOf) {
    parts.push(h('h2', {}, 'Differences from the first copy'),
      h('p', { id: 'copy-differences' }, 'Against ', articleLink(history.copyOf.id, history.copyOf.title || history.copyOf.name), ': ', changeSummary(history.copyOf.changes)),
      changeDetails(history.copyOf.changes));
  }
  return h('div', {}, parts);
}

function entityTable(entities) {
  return h('table', { id: 'entities' },
    h('thead', {}, h('tr', {}, ['name', 'type', 'mentions', 'role'].map(c => h('th', {}, c)))),
    h('tbody', {}, entities.map(e => h('tr', {},
      h('td', {}, entityLink(e.name), e.aliases.length ? h('div', { class: 'muted' }, 'also: ' + e.aliases.join(', ')) : null),
      h('td', {}, typeBadge(e.type)),
      h('td', {}, String(e.mentions)),
      h('td', {}, e.role || '')))));
}

function quoteTable(quotes) {
  if (quotes.length === 0) return h('p', { class: 'muted' }, 'No quotes.');
  return h('table', { id: 'quotes' },
    h('thead', {}, h('tr', {}, ['speaker', 'attributed', 'quote'].map(c => h('th', {}, c)))),
    h('tbody', {}, quotes.map(q => h('tr', {},
      h('td', {}, q.speaker ? speakerLink(q.speaker) : h('span', { class: 'muted' }, 'unknown'), q.cue ? h('div', { class: 'muted' }, q.cue) : null),
      h('td', {}, attributionBadge(q.attribution)),
      h('td', {}, h('blockquote', {}, q.text))))));
}

/** The article's blocks, each entity name or alias wrapped in a mark that links to the entity. */
function cleanText(text, entities) {
  const terms = [];
  for (const e of entities) for (const term of [e.name, ...e.aliases]) if (term && term.length > 1) terms.push({ term, entity: e });
  terms.sort((a, b) => b.term.length - a.term.length);
  const byTerm = new Map(terms.map(t => [t.term, t.entity]));
  const pattern = terms.length ? new RegExp('(?<![\\p{L}\\p{N}])(' + terms.map(t => t.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')(?![\\p{L}\\p{N}])', 'gu') : null;
  const marked = value => {
    if (!pattern || !value) return [value || ''];
    const nodes = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      nodes.push(value.slice(last, match.index));
      const entity = byTerm.get(match[0]);
      nodes.push(h('mark', { class: entity.type, title: entity.name + ' (' + entity.type + ')' }, entityLink(entity.name, match[0])));
      last = match.index + match[0].length;
    }
    nodes.push(value.slice(last));
    return nodes;
  };
  const blocks = [];
  if (text.kicker) blocks.push(h('p', { class: 'muted' }, marked(text.kicker)));
  if (text.lead) blocks.push(h('p', { class: 'lead' }, marked(text.lead)));
  for (const block of text.body || []) blocks.push(block.kind === 'heading' ? h('h3', {}, marked(block.text)) : h('p', {}, marked(block.text)));
  for (const caption of text.captions || []) blocks.push(h('p', { class: 'muted' }, 'Caption: ', marked(caption.text), caption.credit ? ' (' + caption.credit + ')' : ''));
  return h('div', { class: 'article-text card', id: 'article-text' }, blocks);
}

/** #/entity/{name}: the articles that mention it, its role and quotes in each. */
async function entityView(name) {
  const result = await api('entities/' + encodeURIComponent(name) + '/articles');
  const rows = result.articles.map(a => h('tr', { 'data-id': a.id },
    h('td', {}, articleLink(a.id, a.title || a.name), a.duplicateOf ? h('div', { class: 'muted' }, 'a copy: its first copy does not mention it') : null),
    h('td', {}, a.published || ''),
    h('td', {}, typeBadge(a.type)),
    h('td', {}, String(a.mentions)),
    h('td', {}, a.role || ''),
    h('td', {}, String(a.quotes.length)),
    h('td', { class: 'copies', title: (a.copies || []).map(c => c.name).join('\n') }, String((a.copies || []).length))));
  show(
    h('h1', {}, result.entity),
    h('p', {}, speakerLink(result.entity, 'Quote timeline of ' + result.entity + ' →')),
    h('h2', {}, 'Stories (' + result.articles.length + (result.continuation ? '+' : '') + ')'),
    h('p', { class: 'muted' }, 'Each story once, under its first copy; "copies" counts its other articles.'),
    result.articles.length
      ? h('table', { id: 'entity-articles' }, h('thead', {}, h('tr', {}, ['article', 'published', 'type', 'mentions', 'role', 'quotes', 'copies'].map(c => h('th', {}, c)))), h('tbody', {}, rows))
      : h('p', { class: 'muted' }, 'No article mentions "' + name + '".'));
}

/** #/speaker/{name}?from=&to=&attribution=&q=: every quote, newest first, with its article. */
async function speakerView(name, params) {
  const filters = h('form', { class: 'filters', id: 'timeline-filters' },
    h('label', {}, 'from', h('input', { type: 'date', name: 'from', value: params.get('from') || '' })),
    h('label', {}, 'to', h('input', { type: 'date', name: 'to', value: params.get('to') || '' })),
    h('label', {}, 'attributed',
      h('select', { name: 'attribution' }, h('option', { value: '' }, 'any'),
        ATTRIBUTIONS.map(a => h('option', { value: a, selected: params.get('attribution') === a }, a)))),
    h('label', {}, 'word', h('input', { name: 'q', value: params.get('q') || '', placeholder: 'e.g. NATO' })),
    h('button', { type: 'submit' }, 'Filter'));
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const form = new FormData(filters);
    location.hash = '#/speaker/' + encodeURIComponent(name) + query(Object.fromEntries(form.entries()));
  });
  const list = h('ol', { class: 'timeline', id: 'timeline' });
  const more = h('button', { class: 'secondary', hidden: true }, 'Older quotes');
  const heading = h('h1', {}, 'What ' + name + ' said');
  const articlesLink = entityLink(name, 'Articles mentioning ' + name + ' →');
  let continuation = null;
  const load = async () => {
    const page = await api('speakers/' + encodeURIComponent(name) + '/quotes' + query({
      from: params.get('from'), to: params.get('to'), attribution: params.get('attribution'), q: params.get('q'), continuation,
    }));
    heading.textContent = 'What ' + page.speaker + ' said';
    articlesLink.textContent = 'Articles mentioning ' + page.speaker + ' →';
    for (const q of page.items) {
      list.append(h('li', {},
        h('div', { class: 'when' }, q.published || 'undated', ' · ', articleLink(q.articleId, q.title || q.articleName), ' · ', attributionBadge(q.attribution),
          q.speaker !== page.speaker ? ' · as ' + q.speaker : ''),
        h('blockquote', {}, q.text)));
    }
    if (list.children.length === 0) list.append(h('li', { class: 'muted' }, 'No quotes found.'));
    continuation = page.continuation;
    more.hidden = !continuation;
  };
  more.addEventListener('click', () => load().catch(failUnlessStale));
  show(heading, h('p', {}, articlesLink), filters, list, more);
  await load();
}

/** #/entities?type=: the most-mentioned entities. */
async function entitiesView(params) {
  const type = TYPES.includes(params.get('type')) ? params.get('type') : 'person';
  const result = await api('entities' + query({ type, top: 100 }));
  const tabs = h('div', { class: 'tabs' }, TYPES.map(t => h('a', { href: '#/entities?type=' + t, class: t === type ? 'active' : null }, t)));
  const rows = result.items.map((e, i) => h('tr', {},
    h('td', {}, String(i + 1)),
    h('td', {}, entityLink(e.entity)),
    h('td', {}, String(e.articles)),
    h('td', {}, String(e.copies || 0)),
    h('td', {}, type === 'person' || type === 'organization' ? speakerLink(e.entity, 'quotes') : '')));
  show(h('h1', {}, 'Most mentioned'), tabs,
    h('p', { class: 'muted' }, 'Articles count each story once; copies are its further articles (other formats, other names) that name the entity too.'),
    rows.length
      ? h('table', { id: 'top-entities' }, h('thead', {}, h('tr', {}, ['#', 'entity', 'articles', 'copies', ''].map(c => h('th', {}, c)))), h('tbody', {}, rows))
      : h('p', { class: 'muted' }, 'No ' + type + ' yet.'));
}

// ---- Router ------------------------------------------------------------------------------------------------

function fail(error) {
  show(h('h1', {}, 'Something went wrong'), problemBox(error));
}

function failUnlessStale(error) {
  if (!(error instanceof StaleRoute)) fail(error);
}

async function route() {
  routeSerial++;
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  const [section, ...rest] = path.split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : '';
  try {
    if (section === 'article' && arg) await articleView(arg);
    else if (section === 'entity' && arg) await entityView(arg);
    else if (section === 'speaker' && arg) await speakerView(arg, params);
    else if (section === 'entities') await entitiesView(params);
    else await pipelineView(section === 'status' ? arg : null);
    document.title = (document.querySelector('main h1')?.textContent || 'Ingestion') + ' · Ingestion dashboard';
  } catch (error) {
    if (!(error instanceof StaleRoute)) fail(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('speaker-search').addEventListener('submit', event => {
    event.preventDefault();
    const name = document.getElementById('speaker-name').value.trim();
    if (name) location.hash = '#/speaker/' + encodeURIComponent(name);
  });
  document.getElementById('key-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, document.getElementById('function-key').value);
    document.getElementById('key-form').hidden = true;
    route();
  });
  window.addEventListener('hashchange', route);
  route();
  // The interactive API reference is the standalone host's; the Functions app serves none: no link to a 404 there.
  const reference = document.getElementById('api-reference');
  fetch(reference.getAttribute('href'), { cache: 'no-store' })
    .then(response => { if (!response.ok) reference.hidden = true; })
    .catch(() => { reference.hidden = true; });
});
