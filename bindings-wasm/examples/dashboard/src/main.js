// The page: renders the manifest's rows and what the worker reports, and hands dropped or
// picked files to it. No verification happens on this thread.

const params = new URLSearchParams(location.search);
const manifestUrl = new URL(params.get('manifest') ?? 'sample/manifest.json', location.href).href;

const table = document.getElementById('releases');
const summary = document.getElementById('summary');
const rows = new Map();
// Offline after the first visit: public/sw.js serves what the network cannot. Its cache gets
// the page's own files here (they were fetched before the service worker took over), and the
// worker starts once the service worker controls the page, so its downloads are kept too. A
// page that cannot have one (not a secure context, a browser that refuses) works online as before.
const CACHE = 'sigverify-dashboard-v1';
async function keepForOffline() {
  const container = navigator.serviceWorker;
  if (!container) return;
  try {
    await container.register(new URL('sw.js', location.href), { scope: './' });
    if (!container.controller) {
      await new Promise((resolve) => {
        container.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, 3000);
      });
    }
    const own = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => new URL(u).origin === location.origin);
    await (await caches.open(CACHE)).addAll([location.href, ...own]);
  } catch {
    // Online only.
  }
}
await keepForOffline();

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

const utc = (seconds) => new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
const short = (digest) => digest.replace(/^(\w+:)(.{12}).*$/, '$1$2…');

function set(el, text) {
  el.textContent = text ?? '';
}

function render(manifest) {
  document.getElementById('title').textContent = manifest.title;
  document.title = `${manifest.title}: release verification`;
  set(document.getElementById('description'), manifest.description);
  const template = document.getElementById('row');
  const groups = new Map();
  for (const r of manifest.rows) {
    if (!groups.has(r.group)) {
      const body = table.createTBody();
      if (r.group !== '') {
        const head = body.insertRow().appendChild(document.createElement('th'));
        head.scope = 'rowgroup';
        head.colSpan = 7;
        head.className = 'group';
        head.textContent = r.group;
      }
      groups.set(r.group, body);
    }
    const tr = template.content.firstElementChild.cloneNode(true);
    tr.dataset.id = r.id;
    const link = tr.querySelector('.name');
    link.textContent = r.name;
    link.href = r.url;
    const input = tr.querySelector('input[type=file]');
    input.setAttribute('aria-label', `Check your copy of ${r.name}`);
    tr.querySelector('progress').setAttribute('aria-label', `Download of ${r.name}`);
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
    groups.get(r.group).appendChild(tr);
    rows.set(r.id, tr);
  }
  summary.textContent = `Verifying ${manifest.rows.length} artifacts…`;
}

function progress(tr, loaded, total) {
  const bar = tr.querySelector('progress');
  if (total === null || total === 0) {
    bar.removeAttribute('value');
  } else {
    bar.max = total;
    bar.value = loaded;
  }
  tr.dataset.status = 'running';
  set(tr.querySelector('.verdict'), total ? `Downloading ${Math.floor((100 * loaded) / total)} %` : 'Downloading');
}

function reason(error) {
  return `${error.name}${error.code === null ? '' : ` (${error.code})`}: ${error.message}`;
}

function showVerdict(tr, v) {
  tr.dataset.status = v.ok ? 'verified' : 'refused';
  set(tr.querySelector('.verdict'), v.ok ? 'Verified' : v.error.download ? 'Download failed' : 'Refused');
  set(tr.querySelector('.reason'), v.ok ? '' : reason(v.error));
  tr.querySelector('.reason').dataset.error = v.ok ? '' : v.error.name;
  set(tr.querySelector('.identity'), v.ok ? v.identity : '');
  set(tr.querySelector('.issuer'), v.ok ? v.issuer : '');
  set(tr.querySelector('.time'), v.ok && v.signingTime !== null ? utc(v.signingTime) : '');
  set(tr.querySelector('.log'), v.ok && v.log ? `${new URL(v.log.url).host} #${v.log.index}` : '');
  set(tr.querySelector('.json'), JSON.stringify(v.details, null, 2));
}

function check(id, file) {
  const out = rows.get(id).querySelector('.check-result');
  out.dataset.status = 'running';
  set(out, `Checking ${file.name}…`);
  worker.postMessage({ type: 'check', id, file });
}

function showCheck(tr, m) {
  const out = tr.querySelector('.check-result');
  out.dataset.status = m.verdict.ok ? 'verified' : 'refused';
  out.dataset.error = m.verdict.ok ? '' : m.verdict.error.name;
  set(out, m.verdict.ok
    ? `✓ ${m.name} is this artifact (${short(m.verdict.digests.sha256)}), verified`
    : `✗ ${m.name}: ${reason(m.verdict.error)}`);
}

worker.onmessage = ({ data: m }) => {
  const tr = rows.get(m.id);
  if (m.type === 'ready') worker.postMessage({ type: 'load', manifest: manifestUrl });
  else if (m.type === 'manifest') render(m);
  else if (m.type === 'progress') progress(tr, m.loaded, m.total);
  else if (m.type === 'verdict') showVerdict(tr, m.verdict);
  else if (m.type === 'check-progress') set(tr.querySelector('.check-result'), `Hashing ${Math.floor((100 * m.loaded) / Math.max(m.total, 1))} %`);
  else if (m.type === 'check') showCheck(tr, m);
  else if (m.type === 'done') {
    summary.dataset.done = 'true';
    summary.dataset.ms = m.ms.toFixed(1);
    summary.textContent = `${m.total} artifacts: ${m.verified} verified, ${m.refused} refused (${(m.ms / 1000).toFixed(2)} s).`;
  } else if (m.type === 'error') {
    summary.dataset.error = m.name;
    summary.textContent = `The release list could not be read: ${m.message}`;
  }
};
worker.onerror = (e) => {
  summary.dataset.error = 'worker';
  summary.textContent = `The verifier did not start: ${e.message}`;
};

// A file dropped beside the rows would otherwise replace the page.
addEventListener('dragover', (e) => e.preventDefault());
addEventListener('drop', (e) => e.preventDefault());
