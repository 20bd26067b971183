// The dashboard's charts (Chart.js) and world map (jsvectormap), drawn from the figures the page carries as JSON.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const figures = data.figures;
  const texts = data.texts;
  const colours = {
    brand: '#1f5fbf', ok: '#1e7a46', bad: '#b3261e', warn: '#a15c00', muted: '#8a949e',
    palette: ['#1f5fbf', '#1e7a46', '#a15c00', '#b3261e', '#6b4fbb', '#0f7b8a', '#8a949e', '#c2185b', '#5d6d7e']
  };
  const days = Object.keys(figures.perDay);
  const series = (pick) => days.map(day => pick(figures.perDay[day]));
  const flat = (value) => days.map(() => value);
  const drawn = [];

  if (window.Chart) {
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    const chart = (id, config) => {
      const canvas = document.getElementById(id);
      if (canvas) {
        drawn.push(new Chart(canvas, config));
        canvas.dataset.rendered = 'true';
      }
    };
    const line = (label, values, colour, dashed) => ({
      type: 'line', label, data: values, borderColor: colour, backgroundColor: colour,
      borderDash: dashed ? [6, 4] : [], pointRadius: days.length > 60 ? 0 : 2, borderWidth: 2, tension: 0.2
    });
    const count = {beginAtZero: true, ticks: {precision: 0}};

    chart('chart-per-day', {
      type: 'bar',
      data: {
        labels: days,
        datasets: [
          {label: texts.applicants, data: series(d => d.applicants), backgroundColor: colours.brand},
          line(texts.average, flat(figures.averagePerDay), colours.warn, true)
        ]
      },
      options: {scales: {y: count}}
    });

    const statuses = Object.keys(figures.statuses);
    chart('chart-statuses', {
      type: 'bar',
      data: {
        labels: statuses.map(s => texts['status.' + s] || s),
        datasets: [{data: statuses.map(s => figures.statuses[s]), backgroundColor: colours.palette}]
      },
      options: {plugins: {legend: {display: false}}, scales: {y: count}}
    });

    chart('chart-warnings', {
      type: 'doughnut',
      data: {
        labels: [texts.open, texts.resolved],
        datasets: [{
          data: [figures.warnings.open || 0, figures.warnings.resolved || 0],
          backgroundColor: [colours.bad, colours.ok]
        }]
      }
    });

    chart('chart-outcomes', {
      type: 'line',
      data: {
        labels: days,
        datasets: [
          line(texts.succeeded, series(d => d.succeeded), colours.ok),
          line(texts.failed, series(d => d.failed), colours.bad)
        ]
      },
      options: {scales: {y: count}}
    });

    const failedAt = Object.keys(figures.failedAt);
    chart('chart-failed-at', {
      type: 'bar',
      data: {
        labels: failedAt.map(s => texts['step.' + s] || s),
        datasets: [{data: failedAt.map(s => figures.failedAt[s]), backgroundColor: colours.bad}]
      },
      options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: count}}
    });

    const againstTarget = [line(texts.succeeded, series(d => d.succeeded), colours.ok)];
    if (figures.target != null) {
      againstTarget.push(line(texts.target, flat(figures.target), colours.warn, true));
    }
    chart('chart-target', {type: 'line', data: {labels: days, datasets: againstTarget}, options: {scales: {y: count}}});

    chart('chart-average', {
      type: 'line',
      data: {
        labels: days,
        datasets: [
          line(texts.applicants, series(d => d.applicants), colours.brand),
          line(texts.average, flat(figures.baseline.applicants), colours.muted, true)
        ]
      },
      options: {scales: {y: count}}
    });

    const services = Object.keys(figures.services);
    const percent = (rate) => rate.attempted === 0 ? 0 : Math.round(100 * rate.passed / rate.attempted);
    chart('chart-services', {
      type: 'bar',
      data: {
        labels: services.map(s => texts['service.' + s] || s),
        datasets: [{
          label: texts.percent,
          data: services.map(s => percent(figures.services[s])),
          backgroundColor: services.map((s, i) => colours.palette[i % colours.palette.length])
        }]
      },
      options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: {min: 0, max: 100}}}
    });
  }

  // The map: the top countries of the chosen origin in four shades, darker for more applicants.
  const mapElement = document.getElementById('world-map');
  const shades = {a: '#bcd3f2', b: '#7ea7e0', c: '#3d78c9', d: '#1f4f94'};
  let map = null;
  const showOrigin = (origin) => {
    document.querySelectorAll('button[data-origin]').forEach(button =>
      button.setAttribute('aria-pressed', String(button.dataset.origin === origin)));
    document.querySelectorAll('ol[data-origin]').forEach(list => {
      list.hidden = list.dataset.origin !== origin;
    });
    if (!mapElement || !window.jsVectorMap) {
      return;
    }
    const counts = figures.countries[origin] || {};
    const highest = Math.max(1, ...Object.values(counts));
    const values = {};
    Object.entries(counts).forEach(([code, n]) => {
      const share = n / highest;
      values[code] = share > 0.75 ? 'd' : share > 0.5 ? 'c' : share > 0.25 ? 'b' : 'a';
    });
    if (map) {
      map.destroy();
    }
    mapElement.textContent = '';
    map = new jsVectorMap({
      selector: '#world-map',
      map: 'world',
      zoomButtons: false,
      regionStyle: {initial: {fill: '#e3e7ec'}},
      series: {regions: [{attribute: 'fill', scale: shades, values}]},
      onRegionTooltipShow(event, tooltip, code) {
        tooltip.text(tooltip.text() + (counts[code] ? ': ' + counts[code] : ''));
      }
    });
    mapElement.dataset.showing = origin;
    mapElement.dataset.rendered = 'true';
  };
  document.querySelectorAll('button[data-origin]').forEach(button =>
    button.addEventListener('click', () => showOrigin(button.dataset.origin)));
  showOrigin('residence');
})();
