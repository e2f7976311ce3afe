// Registers the service worker (sw.js, next to this module, so it works from any sub-path) and
// shows a quiet notice when a new version has been downloaded: "new version ready · reload".
// Nothing happens where service workers are unavailable (file://, insecure origins).

const TEXT = {
  zh: { ready: '新版本已就绪', reload: '刷新', dismiss: '稍后' },
  en: { ready: 'A new version is ready', reload: 'Reload', dismiss: 'Later' },
};

function notify(worker) {
  if (document.querySelector('.sw-notice')) return;
  const t = TEXT[/^en\b/i.test(document.documentElement.lang) ? 'en' : 'zh'];
  const box = document.createElement('div');
  box.className = 'sw-notice';
  box.setAttribute('role', 'status');
  const msg = document.createElement('span');
  msg.textContent = t.ready;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'btn btn-small';
  reload.textContent = t.reload;
  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('skip-waiting');
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'btn btn-small';
  later.textContent = t.dismiss;
  later.addEventListener('click', () => box.remove());
  box.append(msg, reload, later);
  document.body.append(box);
}

export async function register() {
  if (!('serviceWorker' in navigator)) return null;
  let reg;
  try {
    reg = await navigator.serviceWorker.register(new URL('./sw.js', import.meta.url));
  } catch {
    return null; // e.g. a server that refuses scripts at this path: the page works without it
  }
  // A new version counts only when one already controls this page (not on the first visit).
  const offer = (w) => navigator.serviceWorker.controller && w && notify(w);
  if (reg.waiting) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => w.state === 'installed' && offer(w));
  });
  return reg;
}

register();
