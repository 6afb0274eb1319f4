"""Every message of the catalogue, rendered with sample values of its parameters, reads as a whole
Ukrainian sentence: no {placeholder} left, no empty «» quote, no broken phrase such as «зайва
колонка порожньо»; a column with a blank header is named by its letter and number."""
from __future__ import annotations

import re
import string

import pytest

from audits import messages

# A realistic value of every parameter a template uses (a new parameter must get one here).
SAMPLE = {
    "allowed": "«Щомісяця», «Щороку»", "as_of": "01.06.2020", "campaign": "lutsk-2020", "cell": "K7",
    "column": "Періодичність оновлення", "constraint_uk": "«-3» менше за мінімум 0", "detail": "BadZipFile",
    "example": "Щомісяця", "expectation_uk": "значення між 50.2 і 50.9", "expected": "stopId, stopName, lat, lon",
    "field_number": 11, "file": "ukt.xlsx", "headers": "«Ідентифікатор», «Назва набору даних»",
    "item": "Перелік об'єктів комунальної власності", "item_id": "oms-10", "length": 312, "limit": 254,
    "link": " (посилання https://data.gov.ua/dataset/abc не веде до жодного набору)", "other": "Управління освіти",
    "other_row": 4, "place": "«ukt.xlsx», аркуш «Інвентаризація»", "row": 7, "snapshot": "01.06.2020",
    "count": 3, "dates": "метадані — 15.07.2020", "declared": 13786, "field": "lat",
    "fields": "«Широта» (lat), «Довгота» (lon)", "held": 2, "label": "stop_lat",
    "organizations": "lutska-miska-rada, rivnenska-miska-rada", "package": "9d1fe9bb",
    "suggestion": " Схоже, це «Широта» (lat).", "sheet": "Пропозиції", "first": 5, "horizon": "01.06.2025",
    "years": 5,
    "title": "Перелік зупинок громадського транспорту", "type_uk": "число", "value": "коли треба",
    "today": "15.09.2020",
}
# What a code's {detail} really holds where it is not the reader's exception name.
DETAIL = {"file-too-large": "25 МБ", "archive-bomb": "1,2 ГБ", "primary-key": "повторює рядок 4",
          "label-error": messages.label_detail("incorrect-label", "stop_lat", "lat"),
          "review-proposal-changed": " (змінилися бали)", "gx-expectation-failed": "3 з 20 рядків",
          "unsupported-format": ".pdf"}
LIMIT = {"file-too-large": "20 МБ", "archive-bomb": "200 МБ", "read-timeout": "60 с", "too-many-rows": 5000,
         "too-small": 0}
BROKEN = [
    (re.compile(r"[{}]"), "a placeholder left"),
    (re.compile(r"«\s*»"), "an empty quote"),
    (re.compile(r"(?<![\w'])порожньо(?![\w'])"), "«порожньо» in place of a value"),
    (re.compile(r"\s[.,:;)](\s|$)"), "a space before punctuation"),
    (re.compile(r"\(\s*\)"), "empty brackets"),
    (re.compile(r"\S  +\S"), "a double space"),
]


def params_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def problems(text: str) -> list[str]:
    return [why for pattern, why in BROKEN if pattern.search(text)]


def render(code: str, **changes) -> str:
    params = {name: SAMPLE[name] for name in params_of(messages.CODES[code].template)}
    if "detail" in params:
        params["detail"] = DETAIL.get(code, SAMPLE["detail"])
    if "limit" in params:
        params["limit"] = LIMIT.get(code, SAMPLE["limit"])
    return messages.render(code, **{**params, **changes})


def test_every_parameter_has_a_sample():
    used = set().union(*(params_of(c.template) for c in messages.CODES.values()))
    assert used - set(SAMPLE) == set()


@pytest.mark.parametrize("code", sorted(messages.CODES))
def test_every_message_renders_whole(code):
    text = render(code)
    assert problems(text) == [], text
    assert messages.CODES[code].title and messages.CODES[code].why


@pytest.mark.parametrize("code", sorted(c.code for c in messages.CODES.values() if "«{column}»" in c.template))
def test_a_blank_header_is_named_by_its_letter_and_number(code):
    text = render(code, column="", cell="C7", field_number=None)
    assert problems(text) == [], text
    assert "без заголовка" in text and "C" in text, text


@pytest.mark.parametrize("code", sorted(c.code for c in messages.CODES.values() if "{cell}" in c.template))
def test_a_finding_without_a_cell_reads_whole(code):
    """The field's column is not in the file (say, no «Пункт постанови № 835»): no «у клітинку  (…)»."""
    text = render(code, cell="")
    assert problems(text) == [], text


def test_a_blank_header_of_a_data_file_is_named_by_its_number():
    text = render("type-error", column="", field_number=4)
    assert "поле без заголовка (№ 4)" in text and problems(text) == [], text


@pytest.mark.parametrize("constraint", sorted(messages.CONSTRAINT_UK))
def test_every_constraint_phrase_reads_whole(constraint):
    phrase = messages.CONSTRAINT_UK[constraint].format(value="-3", limit="«a», «b»")
    text = render("constraint-error", constraint_uk=phrase)
    assert problems(text) == [], text


@pytest.mark.parametrize("label_code", sorted(messages.LABEL_UK))
@pytest.mark.parametrize("found", ["stop_lat", "", None, "  "])
def test_every_header_phrase_reads_whole_even_for_a_blank_header(label_code, found):
    detail = messages.label_detail(label_code, found, "lat", letter="D", number=4)
    text = render("label-error", detail=detail)
    assert problems(text) == [], text
    if not (found or "").strip() and "{found}" in messages.LABEL_UK[label_code]:
        assert "без заголовка (стовпець D, № 4)" in text


def test_the_old_broken_phrase_is_gone():
    detail = messages.label_detail("extra-label", "", letter="E", number=5)
    assert detail == "зайва колонка без заголовка (стовпець E, № 5)"


@pytest.mark.parametrize("letter, number", [("A", 1), ("Z", 26), ("AA", 27), ("XFD", 16384)])
def test_column_numbers_from_letters(letter, number):
    assert messages.unnamed_column(letter) == f"без заголовка (стовпець {letter}, № {number})"
