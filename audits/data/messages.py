"""Ukrainian messages of the data-file checks (the catalogue of issue 7, kept apart from the
inventory catalogue in audits/messages.py). Codes are frictionless's own where the rule is
frictionless's, so the fast path and the frictionless path report the same codes."""
from __future__ import annotations

from ..messages import Code, _Blank

_CODES = [
    Code("source-error", "error", "Файл не вдалося прочитати", "Пошкоджений файл неможливо перевірити.",
         "Файл «{file}» не вдалося прочитати ({detail}). Збережіть його як CSV у кодуванні UTF-8 або як .xlsx."),
    Code("type-error", "error", "Значення не того типу", "Значення має бути того типу, що в схемі набору.",
         "Рядок {row}, поле «{column}»: «{value}» — це не {type_uk}. Приклад правильного значення: «{example}»."),
    Code("constraint-error", "error", "Порушено обмеження схеми", "Схема набору обмежує допустимі значення поля.",
         "Рядок {row}, поле «{column}»: {constraint_uk}."),
    Code("missing-cell", "error", "Бракує клітинки", "У рядку менше значень, ніж колонок.",
         "Рядок {row}: бракує значення для поля «{column}» (у рядку менше клітинок, ніж колонок). "
         "Перевірте розділювачі в рядку."),
    Code("extra-cell", "error", "Зайва клітинка", "Значення поза колонками не належить жодному полю.",
         "Рядок {row}: зайве значення «{value}» у колонці {field_number}, якої немає в схемі. "
         "Перевірте, чи не містить текст коми без лапок."),
    Code("blank-row", "error", "Порожній рядок", "Порожні рядки плутають підрахунки й імпорт.",
         "Рядок {row} порожній. Видаліть його."),
    Code("unique-error", "error", "Значення повторюється", "Поле має бути унікальним.",
         "Рядок {row}, поле «{column}»: «{value}» уже є в рядку {other_row}. Значення має бути унікальним."),
    Code("primary-key", "error", "Повторюється або порожній первинний ключ",
         "Первинний ключ однозначно визначає запис.",
         "Рядок {row}: первинний ключ ({column}) {detail}."),
    Code("label-error", "error", "Заголовок не відповідає схемі", "Колонки мають іти в порядку схеми.",
         "Заголовок колонки {field_number}: {detail}. Очікувані колонки: {expected}."),
    # --- content expectations (Great Expectations) ---------------------------------------
    Code("gx-expectation-failed", "warning", "Дані не відповідають очікуванню",
         "Схема не може сказати всього про зміст: координати, дати, суми, повноту.",
         "Поле «{column}»: {expectation_uk} — не виконано ({detail})."),
]

# --- the privacy screen: one code per kind of personal data (audits/data/privacy/) ---------
PERSONAL_KINDS = {
    "rnokpp": "РНОКПП (ідентифікаційний номер)",
    "passport": "серію й номер паспорта",
    "id-card": "номер ID-картки",
    "phone": "номер телефону",
    "email": "адресу електронної пошти",
    "iban": "номер рахунку IBAN",
    "full-name": "прізвище, ім'я та по батькові",
}
_CODES += [Code(f"personal-{kind}", "error", f"Схоже на персональні дані: {label}",
                "Персональні дані оприлюднюють лише після знеособлення, якщо закон не вимагає іншого.",
                "Рядок {row}, поле «{column}»: схоже на " + label + " («{value}»). Знеособте дані або "
                "передайте файл на перевірку відповідальному за захист персональних даних (odaudit data review), "
                "інакше набір не буде запропоновано до оприлюднення.")
           for kind, label in PERSONAL_KINDS.items()]

CODES: dict[str, Code] = {c.code: c for c in _CODES}

TYPE_UK = {"string": "текст", "integer": "ціле число", "number": "число", "boolean": "так/ні",
           "date": "дата", "year": "рік", "datetime": "дата й час", "time": "час"}
EXAMPLE = {"integer": "12", "number": "12.5", "year": "2020", "date": "2020-06-01", "boolean": "так",
           "datetime": "2020-06-01T10:00:00", "time": "10:00:00"}
CONSTRAINT_UK = {
    "required": "порожньо, а поле обов'язкове",
    "unique": "значення повторюється",
    "minimum": "«{value}» менше за мінімум {limit}",
    "maximum": "«{value}» більше за максимум {limit}",
    "minLength": "«{value}» коротше за {limit} символів",
    "maxLength": "текст довший за {limit} символів",
    "pattern": "«{value}» не відповідає шаблону {limit}",
    "enum": "«{value}» не зі списку: {limit}",
}


def render(code: str, **params) -> str:
    return CODES[code].template.format_map(_Blank(params))


def severity(code: str) -> str:
    return CODES[code].severity if code in CODES else "error"
