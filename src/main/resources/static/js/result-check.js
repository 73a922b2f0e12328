// The public check of an electronic result: the file a citizen picks is hashed in the browser (SHA-256) and
// compared with the one the agency issued. Nothing is uploaded.
(function () {
    'use strict';
    var input = document.getElementById('compare-file');
    var outcome = document.getElementById('compare-outcome');
    if (!input || !outcome) {
        return;
    }
    input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        if (!file) {
            return;
        }
        if (!window.crypto || !window.crypto.subtle) {
            outcome.textContent = outcome.dataset.unavailable;
            return;
        }
        file.arrayBuffer().then(function (content) {
            return window.crypto.subtle.digest('SHA-256', content);
        }).then(function (digest) {
            var hex = Array.prototype.map.call(new Uint8Array(digest), function (b) {
                return ('0' + b.toString(16)).slice(-2);
            }).join('');
            var same = hex === input.dataset.sha256;
            outcome.textContent = same ? outcome.dataset.same : outcome.dataset.different;
            outcome.classList.toggle('text-success', same);
            outcome.classList.toggle('text-danger', !same);
        });
    });
})();
