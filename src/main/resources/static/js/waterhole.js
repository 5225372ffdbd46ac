// Waterhole's small behaviours. Everything here improves a page that already works without it.
(function () {
  'use strict';

  // When a partial update fails (an error page, a lost session), load the address it asked for
  // as a whole page instead, so the user sees the error or the login page rather than nothing.
  document.addEventListener('htmx:responseError', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL;
    window.location.assign(url || event.detail.pathInfo.finalRequestPath);
  });
})();
