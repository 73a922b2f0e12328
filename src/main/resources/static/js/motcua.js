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

    // A session that expired behind an htmx request answers with the sign-in page (the staff's or the citizens'):
    // go there for real.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var xhr = event.detail.xhr;
        if (xhr && xhr.responseURL && /\/(login|cong-dan\/dang-nhap)(\?|$)/.test(xhr.responseURL)) {
            event.detail.shouldSwap = false;
            window.location.assign(xhr.responseURL);
        }
    });

    // A button data-copy="<id>" copies that element's text (a transfer content to paste into a bank's app) and says
    // so on itself (data-copied); where the clipboard is refused, the text is selected for the person to copy.
    document.body.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy]') : null;
        var source = button ? document.getElementById(button.getAttribute('data-copy')) : null;
        if (!source) {
            return;
        }
        var text = source.textContent.trim();
        var done = function () {
            var label = button.querySelector('.copy-label') || button;
            label.textContent = button.getAttribute('data-copied') || label.textContent;
        };
        var select = function () {
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(done, select);
        } else {
            select();
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
