// The report's Print button, shown only with JavaScript: it opens the browser's print dialog
// (without JavaScript, the text beside it says how to print).
(function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
})();
