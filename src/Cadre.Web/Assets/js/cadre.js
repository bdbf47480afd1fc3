// Starts the NHS.UK frontend components and draws any charts on the page.
// Charts read their data from a data-chart attribute so no inline script is needed (the Content-Security-Policy forbids it);
// every chart sits next to a table holding the same figures, so nothing depends on the canvas being seen.
import { initAll } from '/lib/nhsuk/nhsuk-frontend.min.js'

initAll()

const palette = ['#005eb8', '#330072', '#007f3b', '#ffb81c', '#d5281b', '#41b6e6', '#7c2855', '#768692', '#00a499', '#ae2573']

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  if (typeof window.Chart === 'undefined') break
  const spec = JSON.parse(canvas.getAttribute('data-chart'))
  const datasets = spec.series.map((s, i) => spec.type === 'line'
    // Lines: a series may fill to the one before it ("-1"), which draws an uncertainty band between two percentiles.
    ? {
        label: s.label,
        data: s.values,
        borderColor: s.color || palette[i % palette.length],
        backgroundColor: s.color || palette[i % palette.length],
        fill: s.fill || false,
        borderDash: s.dash ? [6, 4] : [],
        borderWidth: s.width || 2,
        pointRadius: s.points === false ? 0 : 3
      }
    : {
        label: s.label,
        data: s.values,
        backgroundColor: spec.type === 'doughnut' ? spec.labels.map((_, j) => palette[j % palette.length]) : (s.color || palette[i % palette.length])
      })
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: datasets.length > 1 || spec.type === 'doughnut' } },
      scales: spec.type === 'doughnut' ? {} : { y: { beginAtZero: true, stacked: !!spec.stacked }, x: { stacked: !!spec.stacked } }
    }
  })
}

// Submit filter forms when a select changes, so keyboard users still have the explicit button.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form && select.form.requestSubmit())
}
