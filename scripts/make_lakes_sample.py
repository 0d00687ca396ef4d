"""Writes sample_essays/lakes/lakes.essay.json from the texts below, through the real saver.

The photos beside it come unchanged from KDE's Plasma wallpapers (see photos/CREDITS.md); the
captions describe only what each photo shows. Run it again after changing the texts.
"""

from __future__ import annotations

from pathlib import Path

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.storage.essay_file import save_essay

FOLDER = Path(__file__).resolve().parent.parent / "sample_essays" / "lakes"
CREDIT_SUFFIX = "KDE Plasma wallpapers"

# (file, caption, photographer, alt text, presenter notes)
SLIDES = [
    (
        "summer-1am.jpg",
        "One o'clock on a summer night: the sky never darkens, and the lake holds its colour.",
        "Risto Saukonpää",
        "A still lake under a violet and pink sky, with reeds along the far right shore.",
        "Open on the quiet. Let the room settle before speaking.",
    ),
    (
        "darkest-hour.jpg",
        "The darkest hour brings mist off the water; islands sit on the surface like shadows.",
        "Risto Saukonpää",
        "Deep blue dusk over a misty lake with low, dark islands on the horizon.",
        "",
    ),
    (
        "cold-ripple.jpg",
        "A wooden pier runs out into fog so thick that lake and sky become one grey.",
        "Risto Saukonpää",
        "A black and white photo of a wooden pier with a ladder, ending in dense fog.",
        "",
    ),
    (
        "by-the-water.jpg",
        "Weathered boards of a jetty, warm in the low sun, with the shore blurred behind.",
        "Maciej Wiklo",
        "Close-up of sunlit wooden planks with a lake and a tree line out of focus behind.",
        "",
    ),
    (
        "evening-glow.jpg",
        "Rowing boats pulled up on a pebble shore as the evening sun breaks under the clouds.",
        "Ian Hex",
        "Wooden rowing boats lined up on a stony lakeshore under a dramatic sunset sky.",
        "Point out the jetty on the right before moving on.",
    ),
    (
        None,
        "Away from the water",
        "",
        "",
        "Text card: the walk inland. Keep it short.",
    ),
    (
        "path.jpg",
        "A footpath winds between tall conifer trunks, through moss and ferns.",
        "Risto Saukonpää",
        "A narrow dirt path through a dense green forest of tall, straight trees.",
        "",
    ),
    (
        "fallen-leaf.jpg",
        "Autumn comes early: a maple leaf settles among fallen yellow leaves.",
        "Martin Klapetek",
        "A brown maple leaf in sharp focus on a bed of yellow leaves, with a red leaf behind.",
        "",
    ),
    (
        "kite.jpg",
        "On the windy days, a kite climbs against the clouds.",
        "Risto Saukonpää",
        "A small multicoloured kite high in a deep blue sky with white clouds.",
        "",
    ),
    (
        "colorful-cups.jpg",
        "Back in town: rows of coloured cups in Aarhus, Denmark.",
        "Dmitri Popov",
        "Rows of red and blue cups seen from above, their rims forming circles.",
        "",
    ),
    (
        "grey.jpg",
        "Curves of a building's facade, in the same grey as the fog on the lake.",
        "Sigi Sagi",
        "A black and white abstract of a wavy, woven metal facade.",
        "Close here. Thank the photographers by name.",
    ),
]


def build() -> Essay:
    slides = tuple(
        Slide(
            id=f"slide-{number}",
            image=None if name is None else str(FOLDER / "photos" / name),
            caption=caption,
            credit=f"{author} / {CREDIT_SUFFIX}" if author else "",
            alt_text=alt,
            notes=notes,
        )
        for number, (name, caption, author, alt, notes) in enumerate(SLIDES, start=1)
    )
    return Essay(
        title="Northern Lakes, From Midnight Sun to Fog",
        standfirst=(
            "A year at the water's edge, in photographs from KDE's wallpaper collection: "
            "the light of a summer night, the fog of autumn, and the walk back to town."
        ),
        body=(
            "This is PhotoEssay's offline sample. Every photo is a real camera file, with its "
            "own EXIF data, colour profile and encoding, so the editor, the slideshow and "
            "the exports can be tried without a network.",
            "The photographers are credited on each slide and in photos/CREDITS.md.",
        ),
        language="en",
        slides=slides,
        presentation=Presentation(auto_advance_seconds=8.0, loop=False),
    )


if __name__ == "__main__":
    save_essay(build(), FOLDER / "lakes.essay.json")
    print(FOLDER / "lakes.essay.json")
