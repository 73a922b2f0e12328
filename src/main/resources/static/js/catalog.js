// The procedure page: the "In" button prints it (the print stylesheet hides the navigation).
(function () {
    'use strict';
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () {
            window.print();
        });
    });
})();
