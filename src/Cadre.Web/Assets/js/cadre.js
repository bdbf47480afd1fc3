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
  // Axis titles, when the spec names them (xTitle along the bottom, yTitle up the side).
  const title = text => text ? { display: true, text } : undefined
  // A tornado: horizontal bars, each assumption's low and high drawn from the central value in the same row (the
  // category axis stacked so the two bars share a row; the value axis not, so each starts from zero).
  const tornado = spec.type === 'tornado'
  const scales = spec.type === 'doughnut'
    ? {}
    : tornado
      ? { y: { stacked: true, title: title(spec.yTitle) }, x: { stacked: false, title: title(spec.xTitle) } }
      : { y: { beginAtZero: true, stacked: !!spec.stacked, title: title(spec.yTitle) }, x: { stacked: !!spec.stacked, title: title(spec.xTitle) } }
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: tornado ? 'bar' : spec.type,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: tornado ? 'y' : 'x',
      plugins: {
        legend: {
          display: datasets.length > 1 || spec.type === 'doughnut',
          // A series marked legend: false (the lower edge of a band) has no legend item of its own.
          labels: { filter: item => !(spec.series[item.datasetIndex] && spec.series[item.datasetIndex].legend === false) }
        }
      },
      scales
    }
  })
}

// Submit filter forms when a select changes, so keyboard users still have the explicit button.
for (const select of document.querySelectorAll('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form && select.form.requestSubmit())
}

// A file larger than its page takes is refused before it is sent (the server would refuse it too, but only after the
// upload, and a browser may show a dropped connection rather than the server's page). Shown the NHS.UK way: the
// message above the field, the group marked in error, and the form not sent.
for (const input of document.querySelectorAll('input[type=file][data-max-bytes]')) {
  const limit = Number(input.getAttribute('data-max-bytes'))
  const group = input.closest('.nhsuk-form-group')
  const tooLarge = () => input.files && input.files.length > 0 && input.files[0].size > limit
  const show = () => {
    let message = group && group.querySelector('[data-size-error]')
    if (tooLarge()) {
      if (!message) {
        message = document.createElement('span')
        message.className = 'nhsuk-error-message'
        message.id = input.id + '-size-error'
        message.setAttribute('data-size-error', '')
        input.before(message)
      }
      message.textContent = 'The selected file must be smaller than ' + Math.floor(limit / (1024 * 1024)) + ' MB'
      if (group) group.classList.add('nhsuk-form-group--error')
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '').replace(message.id, '') + ' ' + message.id).trim())
    } else if (message) {
      message.remove()
      if (group && !group.querySelector('.nhsuk-error-message')) group.classList.remove('nhsuk-form-group--error')
    }
  }
  input.addEventListener('change', show)
  if (input.form) {
    input.form.addEventListener('submit', event => {
      if (tooLarge()) { event.preventDefault(); show(); input.focus() }
    })
  }
}
