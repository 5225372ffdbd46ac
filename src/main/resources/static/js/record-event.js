// The record form shows the fields that belong to the chosen kind of event (all of them without
// JavaScript). What a hidden field holds is kept, and the server ignores it for other kinds.
(function () {
  const kind = document.getElementById('kind');
  if (!kind) {
    return;
  }
  function show() {
    document.querySelectorAll('[data-for-kind]').forEach(function (section) {
      const relevant = section.dataset.forKind.split(' ').includes(kind.value);
      section.hidden = !relevant;
    });
  }
  kind.addEventListener('change', show);
  // The answer's fields come anew when the department changes (htmx): hide them again if need be.
  document.body.addEventListener('htmx:afterSwap', show);
  show();
})();
