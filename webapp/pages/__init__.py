"""What views share to build a page: lookups, links, panels, figures, rendering a page or its fragment, sharing tags and the list of every page. Knows no blueprint of its own."""
