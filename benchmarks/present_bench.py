"""Times `photoessay present` the way people's image viewers are timed, beside feh and qimgv.

On a virtual 1920x1080 X screen, peerbench (the team's viewer harness: Xvfb, a screen probe that
captures the root window on every draw and sends keys through XTest, as xdotool does) launches each
viewer on twelve generated 24 MP JPEGs, measures launch to first photo on screen, then presses
Right eleven times and measures each key press to the next photo on screen. Prints one JSON object
and a table. Numbers only compare within one run: the machine drifts by about 15 %.

usage: python benchmarks/present_bench.py [--runs 5] [--peers minimal,feh,qimgv] [--srgb]
       [--work /tmp/present-bench] [--peerbench /work/shared/tools/peerbench]

--srgb embeds an sRGB ICC profile in the photos, as most cameras and agencies do (the plain files
have none); the show's start-up treats the two differently only if something regresses.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_bytecode import compile_package  # noqa: E402
from bench_photos import write_photos  # noqa: E402

from photoessay_desktop.domain.essay import Essay, Slide  # noqa: E402
from photoessay_desktop.storage.essay_file import save_essay  # noqa: E402


def write_essay(photos: list[Path], path: Path) -> Path:
    """An essay of the photos, with a title card before them (the show starts on slide 1)."""
    slides = tuple(
        Slide(id=f"s{n}", image=str(p), caption=f"Photo {n}", credit="PhotoEssay benchmark")
        for n, p in enumerate(photos, start=1)
    )
    save_essay(Essay(title="Benchmark", slides=slides), path)
    return path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summarise(out: Path, names: list[str]) -> dict[str, dict[str, float | int]]:
    result: dict[str, dict[str, float | int]] = {}
    for name in names:
        runs_file = out / f"{name}_runs.json"
        if not runs_file.exists():
            continue
        runs = [r for r in json.loads(runs_file.read_text()) if r.get("complete")]
        if not runs:
            continue
        first = [r["phases"][0]["shown_ms"] for r in runs]
        steps = [p["shown_ms"] for r in runs for p in r["phases"][1:]]
        rss = [r["main_proc"]["hwm_kb"] / 1024 for r in runs if r.get("main_proc")]
        result[name] = {
            "runs": len(runs),
            "first_photo_ms_median": statistics.median(first),
            "step_ms_p50": percentile(steps, 0.5),
            "step_ms_p95": percentile(steps, 0.95),
            "step_ms_max": max(steps),
            "steps": len(steps),
            "peak_rss_mib": statistics.median(rss) if rss else 0,
        }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peers", default="minimal,feh,qimgv")
    parser.add_argument("--work", type=Path, default=Path("/tmp/present-bench"))
    parser.add_argument("--peerbench", type=Path, default=Path("/work/shared/tools/peerbench"))
    parser.add_argument("--wm", default="openbox", choices=["openbox", "none"])
    parser.add_argument("--srgb", action="store_true", help="photos with an sRGB profile")
    args = parser.parse_args()
    compile_package()  # launched as an installed app is
    if args.srgb:
        from PIL import ImageCms

        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        photo_folder = args.work / "photos-srgb"
        photos = write_photos(photo_folder, icc_profile=profile)
    else:
        photo_folder = args.work / "photos"
        photos = write_photos(photo_folder)
    essay = write_essay(photos, args.work / f"bench-{photo_folder.name}.essay.json")
    out = args.work / "results"
    python = sys.executable
    viewer = f"essay={python} -m photoessay_desktop present {essay} --start 1"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        "python3",
        str(args.peerbench / "peerbench.py"),
        "--photos",
        str(photo_folder),
        "--out",
        str(out),
        "--work",
        str(args.work / "peerbench"),
        "--python",
        python,
        "--only",
        args.peers,
        "--viewer",
        viewer,
        "--key",
        "essay=Right",
        "--version-of",
        "essay=photoessay present",
        "--runs",
        str(args.runs),
        "--wm",
        args.wm,
    ]
    subprocess.run(command, env=env, check=True)
    names = [*args.peers.split(","), "essay"]
    summary = summarise(out, names)
    print(json.dumps(summary, indent=1))
    print("| viewer | first photo ms | step p50 ms | step p95 ms | step max ms | RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, row in summary.items():
        print(
            f"| {name} | {row['first_photo_ms_median']:.0f} | {row['step_ms_p50']:.0f} | "
            f"{row['step_ms_p95']:.0f} | {row['step_ms_max']:.0f} | {row['peak_rss_mib']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
