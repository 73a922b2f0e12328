// motcua: the desk's intake and dossier pages. No inline scripts (Content-Security-Policy: script-src 'self').
(function () {
    'use strict';

    // Show only the part of the form that belongs to the chosen decision.
    function showDecision(form) {
        var chosen = form.querySelector('.decision-radio:checked');
        form.querySelectorAll('.decision-part').forEach(function (part) {
            part.classList.toggle('d-none', !chosen || part.dataset.decision !== chosen.value);
        });
    }

    document.querySelectorAll('form').forEach(function (form) {
        if (form.querySelector('.decision-radio')) {
            form.querySelectorAll('.decision-radio').forEach(function (radio) {
                radio.addEventListener('change', function () { showDecision(form); });
            });
            showDecision(form);
        }
        // One click, one dossier: the button stays disabled once the form is on its way.
        form.addEventListener('submit', function () {
            if (form.method.toLowerCase() !== 'post') {
                return;
            }
            form.querySelectorAll('button[type="submit"]').forEach(function (button) {
                window.setTimeout(function () { button.disabled = true; }, 0);
            });
        });
    });

    var withRepresentative = document.getElementById('with-representative');
    if (withRepresentative) {
        withRepresentative.addEventListener('change', function () {
            document.getElementById('representative').classList.toggle('d-none', !withRepresentative.checked);
        });
    }

    // Another supplement item: a copy of the last row, emptied, with the next index in names and ids.
    document.querySelectorAll('.add-item').forEach(function (button) {
        button.addEventListener('click', function () {
            var container = button.parentElement;
            var rows = container.querySelectorAll('.supplement-row');
            var last = rows[rows.length - 1];
            var next = rows.length;
            var row = last.cloneNode(true);
            row.querySelectorAll('input, label').forEach(function (el) {
                ['name', 'id', 'for'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value.replace(/\[\d+\]/, '[' + next + ']').replace(/-\d+$/, '-' + next));
                    }
                });
                if (el.tagName === 'INPUT') {
                    el.value = '';
                    el.classList.remove('is-invalid');
                }
            });
            row.querySelectorAll('.invalid-feedback').forEach(function (el) { el.remove(); });
            last.after(row);
            row.querySelector('input').focus();
        });
    });
})();
