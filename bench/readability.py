"""Readability of every muscle panel and guide page (issue 3's quality bar).

Run: ``.venv/bin/python -m bench.readability``. Prints the Flesch-Kincaid grade (US school
grade; 12 = school leaver) and the Flesch reading ease of the text each page shows, measured
on every sentence the page shows (labels, doses and numbers left out).
"""

from __future__ import annotations

import statistics

from harness.readability import measure, muscle_prose, soreness_prose, training_prose
from webapp import PROJECT_ROOT
from webapp.content.loader import load_atlas


def main() -> None:
    """Print a Markdown table of the scores."""
    atlas = load_atlas(PROJECT_ROOT / "data")
    pages = {f"/muscles/{m.slug}": muscle_prose(m) for m in atlas.muscles}
    pages |= {
        "/training": training_prose(atlas.training),
        "/soreness": soreness_prose(atlas.soreness, atlas.red_flags),
    }
    print("| page | FK grade | reading ease | words |\n|---|---:|---:|---:|")
    grades = []
    for url, text in pages.items():
        score = measure(text)
        grades.append(score.grade)
        print(f"| {url} | {score.grade:.1f} | {score.ease:.0f} | {score.words} |")
    print(f"\nmedian grade {statistics.median(grades):.1f}, highest {max(grades):.1f}")


if __name__ == "__main__":
    main()
