"""Flask plumbing in front of the views: the app class, settings-derived addresses, security headers, static files, the page cache and the production server."""
