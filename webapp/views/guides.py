"""The article's other two questions, answered on their own pages, and the glossary."""

from __future__ import annotations

from flask import Blueprint, render_template

from webapp.views import reading_aids, site
from webapp.views.render_cache import rendered_once

blueprint = Blueprint("guides", __name__)


@blueprint.get("/training")
@rendered_once
def training() -> str:
    """Cross-training: a weekly strength routine and a dynamic warm-up."""
    plan = site().atlas.training
    ids = [s for item in (*plan.principles, plan.warm_up_intro) for s in item.sources]
    return render_template("training.html", atlas=site().atlas, plan=plan, **reading_aids(ids))


@blueprint.get("/soreness")
@rendered_once
def soreness() -> str:
    """Sore muscles: normal soreness, warning signs, and when to get help."""
    guide = site().atlas.soreness
    ids = [s for level in guide.levels for s in level.sources]
    return render_template("soreness.html", atlas=site().atlas, guide=guide, **reading_aids(ids))


@blueprint.get("/glossary")
@rendered_once
def glossary() -> str:
    """Every technical word the atlas uses, in plain language."""
    terms = sorted(site().atlas.glossary, key=lambda term: term.term.lower())
    return render_template("glossary.html", terms=terms)
