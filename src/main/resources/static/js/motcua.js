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

    // A table wider than the screen scrolls inside its box (.table-responsive). A keyboard scrolls only what has
    // the focus, so such a box takes the focus, as a region named by its table's caption (WCAG 2.1 SC 2.1.1); a
    // box that does not scroll stays out of the Tab order. Checked again once the fonts are in, and when the window
    // or an htmx result changes.
    function scrollableTables() {
        document.querySelectorAll('.table-responsive').forEach(function (box) {
            if (box.scrollWidth > box.clientWidth) {
                var caption = box.querySelector('caption');
                box.tabIndex = 0;
                if (caption) {
                    box.setAttribute('role', 'region');
                    box.setAttribute('aria-label', caption.textContent.trim());
                }
            } else if (box.hasAttribute('tabindex')) {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-label');
            }
        });
    }
    scrollableTables();
    window.addEventListener('load', scrollableTables);
    window.addEventListener('resize', scrollableTables);
    document.body.addEventListener('htmx:afterSettle', scrollableTables);
})();
