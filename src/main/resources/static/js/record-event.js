// The record form shows the fields that belong to the chosen kind of event (all of them without
// JavaScript). What a hidden field holds is kept, and the server ignores it for other kinds.
(function () {
  const kind = document.getElementById('kind');
  if (!kind) {
    return;
  }
  const sections = document.querySelectorAll('[data-for-kind]');
  function show() {
    sections.forEach(function (section) {
      const relevant = section.dataset.forKind.split(' ').includes(kind.value);
      section.hidden = !relevant;
    });
  }
  kind.addEventListener('change', show);
  show();
})();
