// Evaluate a job: keeps the running total and band up to date as levels are chosen. The same figures come from the
// server on "Calculate", so the page works without script; this only saves the round trip.
const box = document.getElementById('je-total-box')
if (box) {
  const bands = JSON.parse(box.getAttribute('data-bands'))
  const maxBanded = Number(box.getAttribute('data-max-banded'))
  const factors = Array.from(document.querySelectorAll('fieldset[data-factor]'))
  const bandFor = total => { const b = bands.find(x => total >= x.min && total <= x.max); return b ? b.name : 'none' }
  const update = () => {
    let total = 0; let min = 0; let max = 0; let decided = 0
    for (const f of factors) {
      const chosen = f.querySelector('input[type=radio]:checked')
      if (chosen) {
        const p = Number(chosen.getAttribute('data-points'))
        total += p; min += p; max += p; decided++
      } else {
        min += Number(f.getAttribute('data-min')); max += Number(f.getAttribute('data-max'))
      }
    }
    let band
    if (decided === factors.length) {
      band = bandFor(total)
    } else {
      const possible = bands.filter(b => b.max >= min && b.min <= max).map(b => b.name)
      if (max > maxBanded) possible.push('none')
      band = possible.length === 1 ? possible[0] : `${possible[0]} to ${possible[possible.length - 1]} still possible`
    }
    document.getElementById('je-total').textContent = String(total)
    document.getElementById('je-band').textContent = band
    document.getElementById('je-decided').textContent = String(decided)
  }
  // Ticking a lettered criterion chooses its level too (value "factor-levelletter", e.g. "1-3a").
  for (const box of document.querySelectorAll('input[name=letters]')) {
    box.addEventListener('change', () => {
      if (!box.checked) return
      const [factor, rest] = box.value.split('-')
      const radio = document.getElementById(`level-${factor}-${rest.slice(0, -1)}`)
      if (radio && !radio.checked) { radio.checked = true; radio.dispatchEvent(new Event('change', { bubbles: true })) }
    })
  }
  for (const f of factors) f.addEventListener('change', update)
  update()
}
