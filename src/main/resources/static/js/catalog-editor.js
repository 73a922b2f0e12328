// The procedure editor: rows of documents, fees and steps added from a <template> and removed, renumbered
// so that their names stay documents[0].name, documents[1].name, …; and the live sum of the step hours
// against the time limit (1 working day = 8 working hours). Texts come from the page's data-* attributes.
(function () {
    'use strict';
    var HOURS_PER_DAY = 8;
    var form = document.getElementById('procedure-form');
    if (!form) {
        return;
    }

    function format(pattern, values) {
        return (pattern || '').replace(/\{(\d)\}/g, function (all, index) {
            return values[Number(index)] === undefined ? all : String(values[Number(index)]);
        });
    }

    function renumber(section) {
        var body = document.getElementById(section + '-rows');
        var rows = body.querySelectorAll('tr[data-row]');
        var namePattern = new RegExp('^' + section + '\\[\\d+\\]');
        var idPattern = new RegExp('^' + section + '-\\d+-');
        rows.forEach(function (row, i) {
            row.querySelectorAll('[name]').forEach(function (el) {
                el.name = el.name.replace(namePattern, section + '[' + i + ']');
            });
            row.querySelectorAll('[id]').forEach(function (el) {
                el.id = el.id.replace(idPattern, section + '-' + i + '-');
            });
            row.querySelectorAll('label[for]').forEach(function (el) {
                el.htmlFor = el.htmlFor.replace(idPattern, section + '-' + i + '-');
            });
            row.querySelectorAll('[aria-describedby]').forEach(function (el) {
                el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').split(' ').map(function (ref) {
                    return ref.replace(idPattern, section + '-' + i + '-');
                }).join(' '));
            });
            row.querySelectorAll('[data-row-number]').forEach(function (el) {
                el.textContent = format(el.getAttribute('data-pattern'), [i + 1]);
            });
        });
    }

    function number(input) {
        var value = input ? parseInt(input.value, 10) : NaN;
        return isNaN(value) ? 0 : value;
    }

    function updateSum() {
        var box = document.getElementById('step-sum');
        if (!box) {
            return;
        }
        var sum = 0;
        form.querySelectorAll('#steps-rows [name$=".durationHours"]').forEach(function (input) {
            sum += number(input);
        });
        var amount = number(document.getElementById('time-limit-amount'));
        var unit = document.getElementById('time-limit-unit');
        var limit = unit && unit.value === 'WORKING_HOURS' ? amount : amount * HOURS_PER_DAY;
        var state;
        var text;
        if (amount < 1) {
            state = 'no-limit';
            text = format(box.getAttribute('data-no-limit'), [sum]);
        } else {
            var head = format(box.getAttribute('data-pattern'), [sum, limit]);
            if (sum === limit) {
                state = 'ok';
                text = head + ' ' + box.getAttribute('data-ok');
            } else if (sum < limit) {
                state = 'missing';
                text = head + ' ' + format(box.getAttribute('data-missing'), [limit - sum]);
            } else {
                state = 'extra';
                text = head + ' ' + format(box.getAttribute('data-extra'), [sum - limit]);
            }
        }
        box.setAttribute('data-state', state);
        document.getElementById('step-sum-text').textContent = text;
        var icon = document.getElementById('step-sum-icon');
        icon.classList.toggle('bi-check-circle-fill', state === 'ok');
        icon.classList.toggle('bi-exclamation-triangle-fill', state !== 'ok');
    }

    form.addEventListener('click', function (event) {
        var add = event.target.closest('[data-add-row]');
        if (add) {
            var section = add.getAttribute('data-add-row');
            var template = document.getElementById(section + '-template');
            var row = template.content.querySelector('tr').cloneNode(true);
            document.getElementById(section + '-rows').appendChild(row);
            renumber(section);
            updateSum();
            var first = row.querySelector('textarea, input, select');
            if (first) {
                first.focus();
            }
            return;
        }
        var remove = event.target.closest('[data-remove-row]');
        if (remove) {
            var removed = remove.closest('tr[data-row]');
            var kind = removed.getAttribute('data-row');
            removed.remove();
            renumber(kind);
            updateSum();
            var button = form.querySelector('[data-add-row="' + kind + '"]');
            if (button) {
                button.focus();
            }
        }
    });

    form.addEventListener('input', function (event) {
        if (event.target.matches('[name$=".durationHours"], #time-limit-amount')) {
            updateSum();
        }
    });
    form.addEventListener('change', function (event) {
        if (event.target.matches('#time-limit-unit')) {
            updateSum();
        }
    });

    // Errors from the server: take the eye to them.
    var errors = document.getElementById('form-errors');
    if (errors) {
        errors.focus();
    }
    updateSum();
})();
