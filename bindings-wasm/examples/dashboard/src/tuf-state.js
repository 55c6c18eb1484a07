// The TUF state (rollback floors, `TufState`) kept across visits in IndexedDB, one per TUF
// anchor: a mirror, this one or another, that later serves older metadata of the same
// repository is refused by name, as the TUF client specification requires. Workers have no
// localStorage; IndexedDB is the store they share with the page.
const DB = 'sigverify-dashboard';
const STORE = 'tuf-state';

function database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, action) {
  return database().then((db) => new Promise((resolve, reject) => {
    const request = action(db.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
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
