// The calendar page: a day's form arrives through htmx into the side panel, which then opens.
(function () {
    'use strict';
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (!event.detail.target || event.detail.target.id !== 'day-panel-body') {
            return;
        }
        var panel = document.getElementById('day-panel');
        if (panel && window.bootstrap) {
            window.bootstrap.Offcanvas.getOrCreateInstance(panel).show();
        }
    });
    document.addEventListener('shown.bs.offcanvas', function (event) {
        if (event.target.id === 'day-panel') {
            var field = document.getElementById('day-name');
            if (field) {
                field.focus();
            }
        }
    });
})();
