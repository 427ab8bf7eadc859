// A front end's view of Galley through a client generated from the OpenAPI document: openapi-typescript
// turns the document into types (../ts-client/galley-api.d.ts), openapi-fetch makes typed calls with them,
// and tsc --strict checks this file against them before it runs. So a call the document does not describe
// does not compile; and at run time every answer is checked against the document (status, media type,
// body shape) and for the fields used here. Any disagreement between the server and the document fails.
//
//   GALLEY_BASE_URL=http://localhost:8080 GALLEY_ADMIN_USER=admin GALLEY_ADMIN_PASSWORD=... node out/client-check.js
//
// It lists articles, reads one that has translations with include=similar, reads each translation and the
// article's author, signs in, and through the admin API creates a draft of its own, replaces it with
// If-Match (a stale If-Match is refused 412), and deletes it: published content stays as it was.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../ts-client/galley-api.js';

// Node's globals this script uses (no @types/node needed for two of them).
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

type Schema = components['schemas'];

class Disagreement extends Error {}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Disagreement(`${name} is not set`);
  return value;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Disagreement(message);
}

function present<T>(value: T | undefined, what: string): T {
  check(value !== undefined, `${what}: no body`);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// --- the document, at run time: what it promises for each status, media type and body ---

type JsonSchema = {
  $ref?: string; type?: string; format?: string; nullable?: boolean; required?: string[];
  properties?: Record<string, JsonSchema>; items?: JsonSchema; enum?: unknown[];
  additionalProperties?: boolean | JsonSchema; allOf?: JsonSchema[]; oneOf?: JsonSchema[]; anyOf?: JsonSchema[];
};
type Document = {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const disagreements: string[] = [];
const calls: string[] = [];

function resolve(document: Document, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) return {};
    s = target;
  }
  return s;
}

/** Where a JSON value differs from a schema of the document: missing required fields, undocumented fields, wrong types. */
function conform(document: Document, value: unknown, schema: JsonSchema, at: string, found: string[]): void {
  const s = resolve(document, schema);
  if (s.allOf || s.oneOf || s.anyOf) return; // not used by Galley's document; not checked here
  if (value === null) {
    if (!s.nullable) found.push(`${at} is null, which the document does not allow`);
    return;
  }
  switch (s.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) { found.push(`${at} is not an object`); return; }
      const object = value as Record<string, unknown>;
      for (const name of s.required ?? []) if (!(name in object)) found.push(`${at}.${name} is required by the document but absent`);
      for (const [name, v] of Object.entries(object)) {
        const property = s.properties?.[name];
        if (property) conform(document, v, property, `${at}.${name}`, found);
        else if (s.properties && s.additionalProperties === undefined) found.push(`${at}.${name} is not in the document`);
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) { found.push(`${at} is not an array`); return; }
      value.slice(0, 25).forEach((v, i) => s.items && conform(document, v, s.items, `${at}[${i}]`, found));
      return;
    case 'string':
      if (typeof value !== 'string') found.push(`${at} is ${typeof value}, the document says string`);
      else if (s.format === 'uuid' && !UUID.test(value)) found.push(`${at} is not a uuid: ${value}`);
      else if (s.format === 'date-time' && !INSTANT.test(value)) found.push(`${at} is not a date-time: ${value}`);
      else if (s.enum && !s.enum.includes(value)) found.push(`${at} is ${value}, not one of ${s.enum.join(', ')}`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) found.push(`${at} is not an integer: ${JSON.stringify(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number') found.push(`${at} is ${typeof value}, the document says number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') found.push(`${at} is ${typeof value}, the document says boolean`);
      return;
    default:
      return;
  }
}

/** Checks every answer against the operation the document describes for it. */
function contract(document: Document): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const method = request.method.toLowerCase();
      const what = `${request.method} ${schemaPath} -> ${response.status}`;
      calls.push(what);
      const operation = document.paths[schemaPath]?.[method];
      if (!operation) { disagreements.push(`${request.method} ${schemaPath} is not in the document`); return; }
      const documented = operation.responses?.[String(response.status)] ?? operation.responses?.['default'];
      if (!documented) { disagreements.push(`${what}: the document lists no ${response.status} for this operation`); return; }
      const type = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
      if (!documented.content || Object.keys(documented.content).length === 0) {
        if (response.status !== 204 && response.status !== 304 && (await response.clone().text()).length > 0) {
          disagreements.push(`${what}: a ${type} body, where the document describes none`);
        }
        return;
      }
      const media = documented.content[type];
      if (!media) { disagreements.push(`${what}: Content-Type ${type}, the document says ${Object.keys(documented.content).join(' or ')}`); return; }
      if (media.schema && type.endsWith('json')) {
        const found: string[] = [];
        conform(document, await response.clone().json(), media.schema, 'body', found);
        found.forEach((f) => disagreements.push(`${what}: ${f}`));
      }
    },
  };
}

// --- the front end's calls ---

async function main(): Promise<void> {
  const base = env('GALLEY_BASE_URL').replace(/\/+$/, '');
  const user = env('GALLEY_ADMIN_USER');
  const password = env('GALLEY_ADMIN_PASSWORD');
  const documentAnswer = await fetch(`${base}/openapi?format=JSON`, { headers: { Accept: 'application/json' } });
  check(documentAnswer.status === 200, `GET /openapi?format=JSON answered ${documentAnswer.status}`);
  const document = (await documentAnswer.json()) as Document;

  const api = createClient<paths>({ baseUrl: base });
  api.use(contract(document));

  // 1. The article list, oldest first: the demo content (which has translations) predates what other tests create.
  const list = await api.GET('/api/articles', { params: { query: { lang: 'en', size: 20, sort: 'oldest' } } });
  check(list.response.status === 200, `GET /api/articles?lang=en answered ${list.response.status}`);
  const page: Schema['ArticlePage'] = present(list.data, 'GET /api/articles');
  check(page.items.length > 0 && page.page === 1 && page.size === 20 && page.total >= page.items.length,
    `GET /api/articles: a first page with items, page 1, size 20: ${JSON.stringify({ ...page, items: page.items.length })}`);
  for (const item of page.items) {
    check(UUID.test(item.id) && item.slug.length > 0 && item.language === 'en' && item.title.length > 0,
      `GET /api/articles: an English summary with id, slug and title: ${JSON.stringify(item)}`);
  }
  console.log(`listed ${page.items.length} of ${page.total} English articles`);

  // 2. An article with its translations and similar posts.
  let article: Schema['Article'] | undefined;
  for (const item of page.items) {
    const read = await api.GET('/api/articles/{slug}', { params: { path: { slug: item.slug }, query: { lang: 'en', include: 'similar' } } });
    check(read.response.status === 200, `GET /api/articles/${item.slug}?lang=en&include=similar answered ${read.response.status}`);
    const a = present(read.data, `GET /api/articles/${item.slug}`);
    check(a.id === item.id && a.slug === item.slug && a.title === item.title, `GET /api/articles/${item.slug}: the listed article`);
    check(Array.isArray(a.similar), `GET /api/articles/${item.slug}?include=similar: no similar list`);
    if (a.translations.length > 0) { article = a; break; }
  }
  check(article, 'none of the listed English articles has a published translation (the demo content has some)');
  const similar = article.similar ?? [];
  for (const s of similar) {
    check(UUID.test(s.id) && s.slug.length > 0 && s.id !== article.id && Array.isArray(s.why),
      `similar post of ${article.slug}: ${JSON.stringify(s)}`);
  }
  for (const t of article.translations) {
    const read = await api.GET('/api/articles/{slug}', { params: { path: { slug: t.slug }, query: { lang: t.language } } });
    check(read.response.status === 200, `GET /api/articles/${t.slug}?lang=${t.language} answered ${read.response.status}`);
    const translated = present(read.data, `GET /api/articles/${t.slug}`);
    check(translated.language === t.language && translated.title === t.title,
      `translation ${t.language} of ${article.slug}: ${translated.language} "${translated.title}", listed as "${t.title}"`);
    check(translated.translations.some((back) => back.slug === article!.slug && back.language === article!.language),
      `the ${t.language} translation of ${article.slug} does not list it back`);
  }
  console.log(`read "${article.title}" with ${article.translations.length} translations `
    + `(${article.translations.map((t) => t.language).join(', ')}) and ${similar.length} similar posts`);

  // 3. Its author.
  const byline = article.authors[0];
  check(byline, `${article.slug} has no author`);
  const authorRead = await api.GET('/api/authors/{slug}', { params: { path: { slug: byline.slug }, query: { lang: 'en' } } });
  check(authorRead.response.status === 200, `GET /api/authors/${byline.slug} answered ${authorRead.response.status}`);
  const author: Schema['Author'] = present(authorRead.data, `GET /api/authors/${byline.slug}`);
  check(author.id === byline.id && author.slug === byline.slug && author.name === byline.name,
    `GET /api/authors/${byline.slug}: the article's author ${byline.name}, not ${author.name}`);
  console.log(`read the author ${author.name} (${author.language})`);

  // 4. Sign in.
  const signIn = await api.POST('/api/auth/token', { body: { username: user, password } });
  check(signIn.response.status === 200, `POST /api/auth/token answered ${signIn.response.status}`);
  const token: Schema['TokenResponse'] = present(signIn.data, 'POST /api/auth/token');
  check(token.access_token.split('.').length === 3 && token.token_type.toLowerCase() === 'bearer' && token.expires_in > 0,
    `POST /api/auth/token: a bearer JWT with a lifetime: ${token.token_type} ${token.expires_in}`);
  console.log(`signed in as ${user}: a ${token.token_type} token for ${token.expires_in} s`);

  // 5. Update an article through the admin API: a draft of this script's own, so published content stays as it is.
  const admin = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${token.access_token}` } });
  admin.use(contract(document));
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const input: Schema['ArticleInput'] = {
    language: 'en',
    title: `Typed client check ${stamp}`,
    excerpt: 'A draft written by the typed client check.',
    body: 'Made by `client-check.ts` through the generated client; deleted at the end of the check.',
    authors: [author.id],
  };
  const created = await admin.POST('/api/admin/articles', { body: input });
  check(created.response.status === 201, `POST /api/admin/articles answered ${created.response.status}: ${JSON.stringify(created.error)}`);
  const draft: Schema['AdminArticle'] = present(created.data, 'POST /api/admin/articles');
  check(draft.status === 'DRAFT' && draft.title === input.title && draft.authors.some((a) => a.id === author.id),
    `POST /api/admin/articles: a draft by ${author.name}: ${draft.status} "${draft.title}"`);
  check(created.response.headers.get('Location')?.endsWith(`/api/admin/articles/${draft.id}`),
    `POST /api/admin/articles: Location ${created.response.headers.get('Location')}`);
  const id = draft.id;

  const read = await admin.GET('/api/admin/articles/{id}', { params: { path: { id } } });
  check(read.response.status === 200, `GET /api/admin/articles/${id} answered ${read.response.status}`);
  const readTag = read.response.headers.get('ETag');
  check(readTag === `"${present(read.data, 'GET /api/admin/articles/{id}').version}"`,
    `GET /api/admin/articles/${id}: ETag ${readTag} for version ${read.data?.version}`);

  const changed: Schema['ArticleInput'] = { ...input, title: `${input.title} (replaced)`, excerpt: 'Replaced with If-Match.' };
  const replaced = await admin.PUT('/api/admin/articles/{id}', { params: { path: { id }, header: { 'If-Match': readTag } }, body: changed });
  check(replaced.response.status === 200, `PUT /api/admin/articles/${id} answered ${replaced.response.status}: ${JSON.stringify(replaced.error)}`);
  const after = present(replaced.data, `PUT /api/admin/articles/${id}`);
  const afterTag = replaced.response.headers.get('ETag');
  check(after.title === changed.title && after.excerpt === changed.excerpt && after.status === 'DRAFT' && after.version > draft.version,
    `PUT /api/admin/articles/${id}: the new title in a new version: "${after.title}" v${after.version}`);
  check(afterTag !== null && afterTag !== readTag, `PUT /api/admin/articles/${id}: a new ETag (${afterTag}, was ${readTag})`);

  const stale = await admin.PUT('/api/admin/articles/{id}', { params: { path: { id }, header: { 'If-Match': readTag } }, body: input });
  check(stale.response.status === 412, `PUT /api/admin/articles/${id} with a stale If-Match answered ${stale.response.status}, not 412`);
  const problem: Schema['Problem'] = present(stale.error, `PUT /api/admin/articles/${id} (stale)`);
  check(problem.status === 412, `the 412's problem says status ${problem.status}`);
  console.log(`created draft ${draft.slug}, replaced it with If-Match ${readTag} -> ${afterTag}; a stale If-Match was refused 412`);

  const deleted = await admin.DELETE('/api/admin/articles/{id}', { params: { path: { id }, header: { 'If-Match': afterTag } } });
  check(deleted.response.status === 204, `DELETE /api/admin/articles/${id} answered ${deleted.response.status}`);
  const gone = await admin.GET('/api/admin/articles/{id}', { params: { path: { id } } });
  check(gone.response.status === 404, `GET /api/admin/articles/${id} after deleting it answered ${gone.response.status}`);
  console.log(`deleted the draft`);
}

try {
  await main();
  if (disagreements.length > 0) throw new Disagreement('the server and the document disagree');
  console.log(`client check: ${calls.length} typed calls, every answer as the document describes it`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`client check FAILED: ${message}`);
  if (disagreements.length > 0) console.error(`Where the server and the document disagree:\n  ${[...new Set(disagreements)].join('\n  ')}`);
  console.error(`Calls made: ${calls.join('; ')}`);
  process.exitCode = 1;
}
