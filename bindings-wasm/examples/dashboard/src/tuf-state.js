// The TUF state (rollback floors, `TufState`) kept across visits in IndexedDB, one per TUF
// anchor: a mirror, this one or another, that later serves older metadata of the same
// repository is refused by name, as the TUF client specification requires. Workers have no
// localStorage; IndexedDB is the store they share with the page.
// This site's own (the folder above the worker's assets/): other sites on the same origin, as
// GitHub Pages project sites are, keep their own floors.
const DB = `sigverify-dashboard ${new URL('..', self.location.href).pathname}`;
const STORE = 'tuf-state';

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// Resolves once the transaction has committed (a write is then on disk for the next reader).
function run(mode, action) {
  return database().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }).finally(() => db.close()));
}

/** The stored state of `anchor` (`production`, `staging`), or undefined. */
export function loadTufState(anchor) {
  return run('readonly', (store) => store.get(anchor));
}

/** Stores the state an update of `anchor` left. */
export function saveTufState(anchor, bytes) {
  return run('readwrite', (store) => store.put(bytes, anchor));
}
