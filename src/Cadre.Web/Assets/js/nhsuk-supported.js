// The NHS.UK frontend starts its components only when <body> has the nhsuk-frontend-supported class. Its page template
// sets that class with an inline script, which our Content-Security-Policy refuses, so this file does the same job from
// our own origin. It is a classic script placed straight after <body> so the class is there before the page is painted
// (no jump when the header moves overflowing links into "More").
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '')
