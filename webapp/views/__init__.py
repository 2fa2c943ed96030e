"""Thin Flask views, one blueprint per area of the site. Each picks the data for its URLs and
renders one page template; what views share lives in :mod:`webapp.pages`, and no view module
imports another (an import contract in CI keeps it so)."""
