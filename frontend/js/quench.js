// Quench's own browser code: small, no inline scripts (the CSP forbids them), no external requests.
(function () {
	'use strict';

	// Every htmx request that changes state carries the CSRF token from the page's meta tags.
	document.addEventListener('htmx:configRequest', function (event) {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) {
			event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
		}
	});

	// After a swap, move focus to the first alert so screen readers and keyboards follow the change.
	document.addEventListener('htmx:afterSwap', function (event) {
		var alert = event.detail.target.querySelector('[role="alert"]');
		if (alert) {
			alert.setAttribute('tabindex', '-1');
			alert.focus();
		}
	});

	// Keyboard paging through samples: an element with data-hotkey="j" (next) or "k" (previous) is
	// followed when that key is pressed, unless focus is in a field or a modifier is held.
	document.addEventListener('keydown', function (event) {
		if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !/^[a-z]$/.test(event.key)) {
			return;
		}
		var target = event.target;
		if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) {
			return;
		}
		var link = document.querySelector('[data-hotkey="' + event.key + '"]');
		if (link) {
			event.preventDefault();
			link.click();
		}
	});
})();
