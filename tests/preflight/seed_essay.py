"""The seed article as the importer makes it (title, standfirst, two body paragraphs, ten slides).

Built straight from the domain models so the preflight tests do not depend on the importer; the
texts are copied from the seed verbatim, including the Cyrillic letters in slide 3's caption.
"""

from __future__ import annotations

from photoessay_desktop.domain.essay import Essay, Slide

IMAGE = "https://static.themoscowtimes.com/image/1360/"
SLIDES = (
    (
        IMAGE + "77/000_33AR92J-2.jpg",
        "Ukrainian servicemen fire a 105mm howitzer toward Russian positions just outside Bakhmut.",
        "Aris Messinis / AFP",
    ),
    (
        None,
        "A building in Bakhmut burns following a Russian military strike.",
        "Alex Babenko / Reuters",
    ),
    (
        IMAGE + "88/000_33AT2CM-2.jpg",
        "А Ukrainian servicemаn walks over the ruins of a bridge on the outskirts of Bakhmut "
        "carrying an empty cluster cartridge from an Uragan missile.",
        "Sergei Shestak / AFP",
    ),
    (
        IMAGE + "c0/000_33AG937.jpg",
        "An optimistic mural on the side of a residential building in Bakhmut appears to recall a "
        "different era entirely.",
        "Anatolii Stepanov / AFP",
    ),
    (
        IMAGE + "0b/000_33AR8P6.jpg",
        "Ukrainian servicemen head through Bakhmut toward the front line.",
        "Aris Messinis / AFP",
    ),
    (
        IMAGE + "5c/000_33AR8N7-2.jpg",
        "An elderly woman goes about her daily life as Ukrainian servicemen make preparations to "
        "move to the front line near Bakhmut.",
        "Aris Messinis / AFP",
    ),
    (
        IMAGE + "c4/000_33B24W2-21.jpg",
        "Members of the Ukrainian Volunteer Army drive past one of Bakhmut's World War II "
        "memorials in a tracked armored fighting vehicle on their way to the front line.",
        "Sergei Shestak / AFP",
    ),
    (
        None,
        "Mourners in the western Ukrainian village of Bovshiv kneel in honor of Da Vinci Wolves "
        "special forces commander Dmytro Kotsiubailo, better known as his callsign Da Vinci, who "
        "hailed from Borshiv and died fighting Russian forces near Bakhmut.",
        "Rylchuk Yurii / Ukrinform / ABACA via Reuters Connect",
    ),
    (
        IMAGE + "33/000_33AX4RW.jpg",
        "Commander-in-Chief of the Armed Forces of Ukraine Valery Zaluzhny kneels by the open "
        'coffin of "Da Vinci" on Kyiv\'s Independence Square after he was killed in combat in '
        "Bakhmut.",
        "Sergei Supinsky / AFP",
    ),
    (
        IMAGE + "81/e5549a86715236cd9a1c82b9135a9da4_1678448434_extra_large.jpg",
        "Ukrainian President Volodymyr Zelensky offers his condolences to grieving relatives at a "
        'memorial service for "Da Vinci" at the Orthodox St. Michael\'s Golden-Domed Monastery in '
        "Kyiv.",
        "president.gov.ua",
    ),
)
TITLE = "In Photos: Russian Forces Inch Forward in Bakhmut at Terrible Human Cost"
STANDFIRST = (
    "While analysts are divided over Bakhmut's ultimate significance as a military prize, the "
    "eastern Ukrainian town has taken on great psychological importance to both sides in the "
    "conflict, and vast resources have been poured into emerging victorious from the bloodiest and "
    "longest battle of the war so far."
)
BODY = (
    "NATO may have warned last week that Bakhmut could fall within a matter of days, but Ukrainian "
    'President Volodymyr Zelensky has vowed to continue to hold the city for "as long as possible" '
    "and claimed that Russian forces had lost some 1,100 fighters in and around Bakhmut in the "
    "last few days alone.",
    "While most of the buildings in the city have now been flattened or lie in ruins, there are "
    "still a surprising number of people who continue to call Bakhmut home. Here are some images "
    "of everyday life in a town that was once best known for its salt mines and sparkling wines.",
)


def seed_essay() -> Essay:
    """The seed essay; slide ids are "s1".."s10"."""
    return Essay(
        title=TITLE,
        standfirst=STANDFIRST,
        body=BODY,
        slides=tuple(
            Slide(id=f"s{number}", image=image, caption=caption, credit=credit)
            for number, (image, caption, credit) in enumerate(SLIDES, start=1)
        ),
    )
