"""Benchmarks for stride mode (issue 4): pose cost, bytes stride mode adds, step-click time.

Run: ``.venv/bin/python -m bench.stride``. Figures are given against baselines measured in
the same run: the home page for bytes, a bare fetch for the click.
"""

from __future__ import annotations

import gzip

from bench.browser import describe_swaps, swap_times
from bench.timing import median_ms
from webapp import create_app
from webapp.figure.runner import RegionLink, draw_runner
from webapp.gait.kinematics import angles_at, mean_hip_height, solve_pose
from webapp.pages.context import EXTENSION_KEY


def gz(body: bytes) -> int:
    """Size once gzipped, as a server with compression would send it."""
    return len(gzip.compress(body, 6))


def main() -> None:
    """Print the figures as Markdown."""
    app = create_app()
    prepared = app.extensions[EXTENSION_KEY]
    atlas = prepared.atlas
    hip_height = mean_hip_height(atlas.stride)
    links = [RegionLink(m.slug, m.name, f"/stride/toe-off/{m.slug}") for m in atlas.muscles]
    levels = {m.slug: m.timing.intensities["toe-off"] for m in atlas.muscles}
    solve = median_ms(lambda: solve_pose(angles_at(atlas.stride, 34), hip_height))
    draw_pose = solve_pose(angles_at(atlas.stride, 34), hip_height)
    draw = median_ms(lambda: draw_runner(draw_pose, links, intensities=levels), runs=100)
    print("## Rendering one pose\n\n| step | ms |\n|---|---:|")
    print(f"| forward kinematics (angles to segments) | {solve:.3f} |")
    print(f"| drawing the SVG (svgwrite) | {draw:.2f} |")

    client = app.test_client()
    home = client.get("/").get_data()
    stride_page = client.get("/stride/toe-off").get_data()
    player_js = client.get("/static/player.js").get_data()
    frames = client.get("/stride/frames").get_data()
    print("\n## Bytes stride mode adds (gzipped)\n\n| what | raw | gzipped |\n|---|---:|---:|")
    print(f"| home page HTML (baseline) | {len(home):,} | {gz(home):,} |")
    print(f"| stride page HTML (figure, chart, stepper) | {len(stride_page):,} | {gz(stride_page):,} |")
    print(f"| player.js (loaded on every page) | {len(player_js):,} | {gz(player_js):,} |")
    print(f"| all six poses for Play, fetched once | {len(frames):,} | {gz(frames):,} |")
    extra = gz(stride_page) - gz(home)
    print(
        f"\nThe stride page is {extra:+,} bytes gzipped against the home page ({gz(stride_page) / gz(home):.2f}×)."
    )

    steps, fetches = swap_times(app, "/stride/loading", ['a[data-step="next"]'])
    print(describe_swaps("Step click to swapped pose in Chromium", "steps", steps, fetches))


if __name__ == "__main__":
    main()
