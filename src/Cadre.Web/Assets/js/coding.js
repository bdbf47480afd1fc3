// Progress bar of an ESR extract re-code: polls the run's progress and shows the report when it is done.
(function () {
  const bar = document.getElementById('coding-progress');
  if (!bar) return;
  const text = document.getElementById('coding-progress-text');
  const url = bar.getAttribute('data-progress-url');
  async function poll() {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) {
        const p = await response.json();
        if (p.status !== 'running') {
          bar.value = 100;
          bar.textContent = '100%';
          text.textContent = 'Done: showing the report…';
          window.location.reload();
          return;
        }
        bar.value = p.percent;
        bar.textContent = p.percent + '%';
        text.textContent = p.total > 0 ? `${p.done.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} rows coded (${p.percent}%)` : 'Reading the file…';
      }
    } catch (e) { /* try again */ }
    setTimeout(poll, 400);
  }
  poll();
})();
