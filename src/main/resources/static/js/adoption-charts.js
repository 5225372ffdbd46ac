// The adoption charts, drawn with Chart.js from the tables beside them (which hold the same
// numbers): the dashboard's stages month by month, stacked, with the adoption index; and a
// department's stage history as a step chart. Redrawn when htmx replaces the figures.
(function () {
  'use strict';

  var COLOURS = ['#5c5f63', '#7a4a00', '#5a3d8a', '#0b5f8a', '#1e5c3a', '#0f7b6c'];
  var DAY = 86400000;
  var charts = [];

  function distribution() {
    var canvas = document.getElementById('stage-distribution');
    var rows = document.querySelectorAll('#monthly-table tr.month');
    if (!canvas || rows.length === 0) {
      return;
    }
    var labels = [];
    var index = [];
    // The stages' names are the headings of the stage columns, between the month and the index.
    var headings = Array.prototype.slice.call(document.querySelectorAll('#monthly-table thead th'), 1, -1);
    var stages = headings.map(function (heading) {
      return { label: heading.textContent.trim(), data: [] };
    });
    rows.forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      index.push(Number(row.dataset.index));
      row.dataset.counts.split(' ').forEach(function (count, i) {
        stages[i].data.push(Number(count));
      });
    });
    var datasets = stages.map(function (stage, i) {
      return { type: 'bar', label: stage.label, data: stage.data, backgroundColor: COLOURS[i % COLOURS.length],
        stack: 'stages', yAxisID: 'y' };
    });
    datasets.push({ type: 'line', label: document.querySelector('#monthly-table thead th:last-child').textContent.trim(),
      data: index, borderColor: '#212529', backgroundColor: '#212529', yAxisID: 'index', tension: 0.2 });
    charts.push(new Chart(canvas, {
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: {
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          x: { stacked: true },
          index: { position: 'right', min: 0, max: 5, grid: { drawOnChartArea: false } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    }));
  }

  function history() {
    var canvas = document.getElementById('stage-chart');
    var rows = document.querySelectorAll('#stage-table tr.stage-change');
    if (!canvas || rows.length === 0) {
      return;
    }
    var levels = canvas.dataset.levels.split('|');
    var points = [];
    rows.forEach(function (row) {
      points.push({ x: Math.round(Date.parse(row.dataset.date + 'T00:00:00Z') / DAY), y: Number(row.dataset.level) });
    });
    points.push({ x: Math.round(Date.now() / DAY), y: points[points.length - 1].y });
    charts.push(new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ data: points, stepped: true, borderColor: '#0b5f8a', backgroundColor: '#0b5f8a', pointRadius: 3 }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        scales: {
          x: { type: 'linear', ticks: { callback: function (v) { return new Date(v * DAY).toISOString().slice(0, 7); } } },
          y: { min: 0, max: levels.length - 1, ticks: { stepSize: 1, callback: function (v) { return levels[v]; } } }
        },
        plugins: { legend: { display: false },
          tooltip: { callbacks: { title: function (items) { return new Date(items[0].parsed.x * DAY).toISOString().slice(0, 10); },
            label: function (item) { return levels[item.parsed.y]; } } } }
      }
    }));
  }

  function draw() {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    if (typeof Chart === 'undefined') {
      return;
    }
    distribution();
    history();
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
