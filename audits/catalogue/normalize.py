"""Ukrainian titles → comparable tokens: one apostrophe, no quotes, «проєкт» spelling,
known abbreviations expanded, years, numbers, the council's own name and filler words
removed, and words cut to a stem so that inflected forms meet (зупинок / зупинки)."""
from __future__ import annotations

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "´": "'"})
ABBREVIATIONS = {
    "осбб": "об'єднання співвласників багатоквартирних будинків",
    "цнап": "центр надання адміністративних послуг",
    "днз": "дошкільні навчальні заклади", "здо": "заклади дошкільної освіти",
    "зно": "зовнішнє незалежне оцінювання",
    "кп": "комунальні підприємства", "маф": "тимчасові споруди", "тс": "тимчасові споруди",
    "ез": "електричного транспорту", "езс": "зарядні станції електричного транспорту",
    "фінпланів": "фінансових планів", "е-петиції": "електронні петиції", "нпа": "нормативно-правових актів",
    "тг": "територіальної громади", "тпд": "тимчасові споруди підприємницької діяльності",
}
FILLER = set("""
та і й в у з із зі на до про що які який яка яке для по за від при щодо тощо їх його її у тому числі
дані даних інформація інформації відомості відомостей перелік переліки переліку список набір наборів
міста місто міський міська міської міських міськради рада ради раді селищна селищної сільська сільської
територіальної громади громада виконавчих органів управління департамент відділ рік роки року р
""".split())
STEM = 5
# The council's own name, whichever council: the place adjective before «міської ради»,
# «територіальної громади», … (Луцької міської …, Славутської міської …) and the name after
# «місто»/«м.» (у місті Луцьку); the words of the council's kind are filler above.
COUNCIL_PLACE = re.compile(r"\b[\w'-]+(?:ськ|цьк|зьк)[\w']*\s+(?=(?:міськ|селищн|сільськ|територіальн|громад|рад)\w*)")
CITY_NAME = re.compile(r"(?:\bм\.\s*|\b(?:місто|міста|місті|містом)\s+)[\w'-]+")


def normalize(title: str) -> str:
    text = unicodedata.normalize("NFC", str(title)).casefold().translate(APOSTROPHES)
    text = re.sub(r"прое[кк]т", "проєкт", text)
    text = CITY_NAME.sub(" ", COUNCIL_PLACE.sub(" ", text))
    text = re.sub(r"[«»\"“”„()\[\]{}:;,.!?/\\|*]+", " ", text)
    words = [ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words)


def tokens(title: str) -> list[str]:
    """Stemmed content words of a title, in order."""
    out = []
    for word in re.findall(r"[\w'-]+", normalize(title)):
        word = word.strip("'-")
        if not word or word in FILLER or word.isdigit() or re.fullmatch(r"(19|20)\d\d(-?[рx])?", word):
            continue
        out.append(word[:STEM])
    return out


def key(title: str) -> str:
    return " ".join(tokens(title))
