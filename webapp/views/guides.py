"""The article's other two questions, answered on their own pages, and the glossary."""

from __future__ import annotations

from flask import Blueprint, Response

from webapp.pages.context import prepared, reading_aids
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("guides", __name__)


@blueprint.get("/training")
@cached_page
def training() -> Response:
    """Cross-training: a weekly strength routine and a dynamic warm-up."""
    atlas = prepared().atlas
    plan = atlas.training
    ids = [*(s for principle in plan.principles for s in principle.sources), *plan.warm_up.sources]
    return render_page("training.html", atlas=atlas, plan=plan, **reading_aids(ids))


@blueprint.get("/soreness")
@cached_page
def soreness() -> Response:
    """Sore muscles: normal soreness, warning signs, and when to get help."""
    atlas = prepared().atlas
    ids = atlas.soreness_source_ids()
    return render_page("soreness.html", atlas=atlas, guide=atlas.soreness, **reading_aids(ids))


@blueprint.get("/glossary")
@cached_page
def glossary() -> Response:
    """Every technical word the atlas uses, in plain language."""
    terms = sorted(prepared().atlas.glossary, key=lambda term: term.term.lower())
    ids = [source for term in terms for source in term.sources]
    return render_page("glossary.html", terms=terms, **reading_aids(ids))


@blueprint.get("/sources")
@cached_page
def sources() -> Response:
    """Every study cited, sorted by author, and the rubric behind every evidence rating."""
    atlas = prepared().atlas
    listed = sorted(atlas.sources.values(), key=lambda s: (s.authors.lower(), s.year))
    return render_page("sources.html", rubric=atlas.evidence, sources=listed)
