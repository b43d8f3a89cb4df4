// Starts the NHS.UK frontend's components on every page. A file rather than an inline script, so
// pages need no per-request nonce and anonymous pages can be cached. The frontend's address
// (hashed when static files are collected) comes from this script's data-frontend attribute.
const script = document.querySelector("script[data-frontend]");
import(script.dataset.frontend).then(({ initAll }) => initAll());
