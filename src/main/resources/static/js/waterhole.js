// Waterhole's small behaviours. Everything here improves a page that already works without it.
(function () {
  'use strict';

  // When a partial update fails (an error page, a lost session), load the address it asked for
  // as a whole page instead, so the user sees the error or the login page rather than nothing.
  document.addEventListener('htmx:responseError', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL;
    window.location.assign(url || event.detail.pathInfo.finalRequestPath);
  });

  // After a partial update, screen readers hear its one-line summary ("Showing 1–30 of 210")
  // from the page's single live region, not the whole replaced region read out again.
  document.addEventListener('htmx:afterSettle', function (event) {
    var announcer = document.getElementById('announcer');
    var target = event.detail.target;
    var summary = target && (target.matches('[data-announce]') ? target : target.querySelector('[data-announce]'));
    if (announcer && summary) {
      announcer.textContent = summary.textContent.replace(/\s+/g, ' ').trim();
    }
  });
})();
