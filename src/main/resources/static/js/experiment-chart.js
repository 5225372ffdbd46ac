// The measurement chart of an experiment's page, drawn with Chart.js from the measurements
// table (the chart's accessible twin): each row carries data-date and data-value. Dates are
// placed on a linear scale of days, so that uneven gaps between measurements show as such.
// Baseline and target come from the canvas's data attributes. Redrawn when htmx replaces the
// measurements.
(function () {
  'use strict';

  var DAY = 86400000;
  var chart = null;

  function day(iso) {
    return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY);
  }

  function label(value) {
    return new Date(value * DAY).toISOString().slice(0, 10);
  }

  function draw() {
    var canvas = document.getElementById('measurement-chart');
    if (chart) {
      chart.destroy();
      chart = null;
    }
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var points = [];
    document.querySelectorAll('#measurements-table tr.measurement').forEach(function (row) {
      points.push({ x: day(row.dataset.date), y: Number(row.dataset.value) });
    });
    if (points.length === 0) {
      return;
    }
    var first = points[0].x;
    var last = points[points.length - 1].x;
    var datasets = [{
      label: canvas.dataset.labelValue,
      data: points,
      borderColor: '#0b5f8a',
      backgroundColor: '#0b5f8a',
      tension: 0.2,
      pointRadius: 4
    }];
    function line(value, name, color, dash) {
      if (value === undefined || value === '') {
        return;
      }
      datasets.push({
        label: name,
        data: [{ x: first, y: Number(value) }, { x: last, y: Number(value) }],
        borderColor: color,
        borderDash: dash,
        pointRadius: 0,
        borderWidth: 2
      });
    }
    line(canvas.dataset.baseline, canvas.dataset.labelBaseline, '#5c5f63', [6, 4]);
    line(canvas.dataset.target, canvas.dataset.labelTarget, '#1e5c3a', [2, 3]);
    chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', ticks: { callback: label, maxRotation: 45 } },
          y: { beginAtZero: false }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: function (items) { return label(items[0].parsed.x); } } }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
