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
})();
