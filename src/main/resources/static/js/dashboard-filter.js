// The dashboard's department filter: a box that narrows the list of departments to those whose
// name holds what is typed. Without JavaScript the whole list shows and the box stays hidden.
(function () {
  const box = document.getElementById('department-narrow');
  if (!box) {
    return;
  }
  const list = document.getElementById(box.dataset.narrow);
  box.hidden = false;
  document.querySelectorAll('[data-narrow-label]').forEach(function (label) {
    label.hidden = false;
  });
  box.addEventListener('input', function () {
    const text = box.value.trim().toLocaleLowerCase();
    list.querySelectorAll('.form-check').forEach(function (item) {
      item.hidden = text !== '' && !item.textContent.toLocaleLowerCase().includes(text);
    });
  });
  // Typing in the box changes no filter: the form must not ask for the figures again, nor be sent.
  box.addEventListener('change', function (event) {
    event.stopPropagation();
  });
  box.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
    }
  });
})();
