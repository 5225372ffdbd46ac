// The measurement chart of an experiment's page, drawn with Chart.js from the measurements
// table (the chart's accessible twin): each row carries data-date and data-value. Baseline and
// target come from the canvas's data attributes. Redrawn when htmx replaces the measurements.
(function () {
  'use strict';

  var chart = null;

  function draw() {
    var canvas = document.getElementById('measurement-chart');
    if (chart) {
      chart.destroy();
      chart = null;
    }
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var rows = document.querySelectorAll('#measurements-table tr.measurement');
    var labels = [];
    var values = [];
    rows.forEach(function (row) {
      labels.push(row.dataset.date);
      values.push(Number(row.dataset.value));
    });
    var datasets = [{
      label: canvas.dataset.labelValue,
      data: values,
      borderColor: '#0b5f8a',
      backgroundColor: '#0b5f8a',
      tension: 0.2,
      pointRadius: 4
    }];
    function line(value, label, color, dash) {
      if (value === undefined || value === '') {
        return;
      }
      datasets.push({
        label: label,
        data: labels.map(function () { return Number(value); }),
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
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: false } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
