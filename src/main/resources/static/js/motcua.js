// motcua: behaviour shared by every page. No inline scripts (Content-Security-Policy: script-src 'self').
(function () {
    'use strict';

    // htmx requests other than GET carry the CSRF token that Spring Security expects.
    document.body.addEventListener('htmx:configRequest', function (event) {
        if (event.detail.verb === 'get') {
            return;
        }
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // A session that expired behind an htmx request answers with the sign-in page: go there for real.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var xhr = event.detail.xhr;
        if (xhr && xhr.responseURL && /\/login(\?|$)/.test(xhr.responseURL)) {
            event.detail.shouldSwap = false;
            window.location.assign(xhr.responseURL);
        }
    });
})();
