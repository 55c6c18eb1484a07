// The page: renders the manifest's rows and what the worker reports, and hands dropped or
// picked files to it. No verification happens on this thread.

const params = new URLSearchParams(location.search);
let manifestUrl;
try {
  manifestUrl = new URL(params.get('manifest') ?? 'sample/manifest.json', location.href);
} catch {
  manifestUrl = null;
}

const table = document.getElementById('releases');
const summary = document.getElementById('summary');
const rows = new Map();

// Offline after the first visit: public/sw.js serves what the network cannot. Its cache gets
// the page's own files here (they were fetched before the service worker took over), and the
// worker starts once the service worker controls the page, so its downloads are kept too. A
// page that cannot have one (not a secure context, a browser that refuses) works online as before.
async function keepForOffline() {
  const container = navigator.serviceWorker;
  if (!container) return;
  try {
    const { scope } = await container.register(new URL('sw.js', location.href), { scope: './' });
    if (!container.controller) {
      // A first visit (or a hard reload, which the service worker does not control until asked).
      const registration = await container.ready;
      await new Promise((resolve) => {
        container.addEventListener('controllerchange', resolve, { once: true });
        registration.active?.postMessage('claim');
        setTimeout(resolve, 3000);
      });
    }
    // The service worker's cache (public/sw.js names it so).
    const cache = await caches.open(`sigverify-dashboard-v2 ${scope}`);
    const own = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => new URL(u).origin === location.origin);
    for (const url of [location.href, ...own]) {
      if (!(await cache.match(url))) await cache.add(url);
    }
  } catch {
    // Online only.
  }
}

const utc = (seconds) => new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
const short = (digest) => digest.replace(/^(\w+:)(.{12}).*$/, '$1$2…');
const percent = (loaded, total) => Math.min(100, Math.floor((100 * loaded) / Math.max(total, 1)));

function set(el, text) {
  el.textContent = text ?? '';
}

function host(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

// Holds a row's elements; `check` counts the visitor's checks, so that only the latest one's
// messages are shown.
function addRow(r, body, template) {
  const [tr, detailsRow] = template.content.cloneNode(true).children;
  tr.dataset.id = r.id;
  const link = tr.querySelector('.name');
  link.textContent = r.name;
  link.href = r.url;
  detailsRow.querySelector('.of').textContent = ` of ${r.name}`;
  tr.querySelector('progress').setAttribute('aria-label', `Download of ${r.name}`);
  const input = tr.querySelector('input[type=file]');
  // The label's visible text comes first, as speech input users say it (WCAG 2.5.3).
  input.setAttribute('aria-label', `Check a file: ${r.name}`);
  input.addEventListener('change', () => {
    if (input.files.length > 0) check(r.id, input.files[0]);
    input.value = '';
  });
  tr.addEventListener('dragover', (e) => {
    e.preventDefault();
    tr.classList.add('over');
  });
  tr.addEventListener('dragleave', () => tr.classList.remove('over'));
  tr.addEventListener('drop', (e) => {
    e.preventDefault();
    tr.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) check(r.id, file);
  });
  body.append(tr, detailsRow);
  rows.set(r.id, { tr, json: detailsRow.querySelector('.json'), check: 0 });
}

function render(manifest) {
  document.getElementById('title').textContent = manifest.title;
  document.title = `${manifest.title}: release verification`;
  set(document.getElementById('description'), manifest.description);
  const template = document.getElementById('row');
  let body = null;
  let group = null;
  for (const r of manifest.rows) {
    // A new row group whenever the group changes, so rows stay in the manifest's order.
    if (body === null || r.group !== group) {
      body = table.createTBody();
      group = r.group;
      if (group !== '') {
        const head = body.insertRow().appendChild(document.createElement('th'));
        head.scope = 'rowgroup';
        head.colSpan = 7;
        head.className = 'group';
        head.textContent = group;
      }
    }
    addRow(r, body, template);
  }
  summary.textContent = `Verifying ${manifest.rows.length} artifacts…`;
}

function progress(tr, loaded, total) {
  const bar = tr.querySelector('progress');
  if (total === null || total === 0) {
    bar.removeAttribute('value');
  } else {
    bar.max = total;
    bar.value = Math.min(loaded, total);
  }
  tr.dataset.status = 'running';
  set(tr.querySelector('.verdict'), total ? `Downloading ${percent(loaded, total)} %` : 'Downloading');
}

function reason(error) {
  return `${error.name}${error.code === null ? '' : ` (${error.code})`}: ${error.message}`;
}

function showVerdict(row, v) {
  const { tr } = row;
  tr.dataset.status = v.ok ? 'verified' : 'refused';
  set(tr.querySelector('.verdict'), v.ok ? 'Verified' : v.error.download ? 'Download failed' : 'Refused');
  set(tr.querySelector('.reason'), v.ok ? '' : reason(v.error));
  tr.querySelector('.reason').dataset.error = v.ok ? '' : v.error.name;
  set(tr.querySelector('.identity'), v.ok ? v.identity : '');
  set(tr.querySelector('.issuer'), v.ok ? v.issuer : '');
  set(tr.querySelector('.time'), v.ok && v.signingTime !== null ? utc(v.signingTime) : '');
  set(tr.querySelector('.log'), v.ok && v.log ? `${host(v.log.url)} #${v.log.index}` : '');
  set(row.json, JSON.stringify(v.details, null, 2));
}

function check(id, file) {
  const row = rows.get(id);
  row.check += 1;
  const out = row.tr.querySelector('.check-result');
  out.dataset.status = 'running';
  out.dataset.error = '';
  set(out, `Checking ${file.name}…`);
  set(row.tr.querySelector('.check-progress'), '');
  worker.postMessage({ type: 'check', id, token: row.check, file });
}

function showCheck(row, m) {
  const out = row.tr.querySelector('.check-result');
  set(row.tr.querySelector('.check-progress'), '');
  out.dataset.status = m.verdict.ok ? 'verified' : 'refused';
  out.dataset.error = m.verdict.ok ? '' : m.verdict.error.name;
  set(out, m.verdict.ok
    ? `✓ ${m.name} is this artifact (${short(m.verdict.digests.sha256)}), verified`
    : `✗ ${m.name}: ${reason(m.verdict.error)}`);
}

function done(m) {
  summary.dataset.done = 'true';
  summary.dataset.ms = m.ms.toFixed(1);
  let text = `${m.total} artifacts: ${m.verified} verified, ${m.refused} refused (${(m.ms / 1000).toFixed(2)} s).`;
  // Said plainly: a kept copy is verified like a downloaded one, but it may be older than the site.
  if (m.keptAt !== null) {
    summary.dataset.offline = 'true';
    text += ` Offline: checked against the copies this browser kept, the oldest from ${m.keptAt.slice(0, 16).replace('T', ' ')} UTC.`;
  }
  summary.textContent = text;
}

function message({ data: m }) {
  const row = rows.get(m.id);
  if (m.type === 'ready') worker.postMessage({ type: 'load', manifest: manifestUrl.href });
  else if (m.type === 'manifest') render(m);
  else if (m.type === 'progress') progress(row.tr, m.loaded, m.total);
  else if (m.type === 'verdict') showVerdict(row, m.verdict);
  // Not in the live region: a screen reader hears that the check started and how it ended.
  else if (m.type === 'check-progress' && m.token === row.check) set(row.tr.querySelector('.check-progress'), `${percent(m.loaded, m.total)} %`);
  else if (m.type === 'check' && m.token === row.check) showCheck(row, m);
  else if (m.type === 'done') done(m);
  else if (m.type === 'error') {
    summary.dataset.error = m.name;
    summary.textContent = `The release list could not be read: ${m.message}`;
  }
}

// A file dropped beside the rows would otherwise replace the page.
addEventListener('dragover', (e) => e.preventDefault());
addEventListener('drop', (e) => e.preventDefault());

// The manifest decides which roots and policies vouch for what this page shows, so it must come
// from the page's own site: a link to this page cannot make it show someone else's verdicts.
let worker = null;
if (manifestUrl?.origin !== location.origin) {
  summary.dataset.error = 'ManifestError';
  summary.textContent = `The release list could not be read: ${params.get('manifest')} is not a URL on this site (${location.origin})`;
} else {
  await keepForOffline();
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = message;
  worker.onerror = (e) => {
    summary.dataset.error = 'worker';
    summary.textContent = `The verifier did not start: ${e.message}`;
  };
}
