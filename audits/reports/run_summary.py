"""What a run tells the Prefect UI: a Markdown summary with the figures the CLI prints, a
table of departments (or organisations) and links to the outputs. Plain strings and rows;
flows/publish.py hands them to Prefect as artifacts. Ukrainian, like every report."""
from __future__ import annotations

from pathlib import Path

from ..messages import DATASETS, plural
from .feedback_texts import ERRORS_LEFT

STATUS = {"accepted": "прийнято", "invalid": "потребує виправлень", "missing": "не надіслано"}


def campaign_markdown(summary: dict, outputs: dict[str, str]) -> str:
    c, t = summary["campaign"], summary["totals"]
    lines = [f"# {_md(c['name'])} ({c['slug']})", f"Дата аудиту: {c.get('as_of') or 'не задано'}", "",
             f"Прийнято {t['accepted']}, потребують виправлень {t['invalid']}, не надіслали {t['missing']}; "
             f"у реєстрі {plural(t['register_items'], *DATASETS)}; помилок {t['errors']}, попереджень {t['warnings']}."]
    cov = summary.get("coverage")
    if cov:
        lines.append(f"Постанова № 835: з {cov['items']} обов'язкових наборів оприлюднено {cov['published']}, "
                     f"є в переліках, але не оприлюднено {cov['held']}, не знайдено {cov['not-found']}.")
    return "\n".join(lines + [""] + links(outputs)) + "\n"


def department_rows(summary: dict) -> list[dict]:
    return [{"Код": d["code"], "Виконавчий орган": d["name"], "Стан": STATUS.get(d["status"], d["status"]),
             "Рядків": d["items"], "Помилок": d["errors"], "Попереджень": d["warnings"]}
            for d in summary["departments"]]


def monitor_markdown(organization: str | None, summary: dict, outputs: dict[str, str]) -> str:
    t = summary["timeliness"]
    lines = [f"# Моніторинг порталу: {_md(organization or 'усі організації')}",
             f"Наборів: {summary['packages']}, середня оцінка {summary.get('mean_score')}; "
             f"вчасно {t.get('on-time', t.get('on_time', 0))}, із запізненням {t['late']}, "
             f"без періодичності {t['unknown']}."]
    return "\n".join(lines + [""] + links(outputs)) + "\n"


def review_markdown(review: dict) -> str:
    lines = [f"# Рішення робочої групи: {_md(Path(review.get('file') or '').name)}",
             f"Кампанія {review.get('campaign')}, вивантаження {review.get('export')}: записано "
             f"{review.get('recorded', 0)}, без змін {review.get('unchanged', 0)}."]
    errors = [f for f in review.get("findings", []) if f.get("severity") == "error"]
    if errors:
        lines += ["", f"Нічого не записано: у аркуші {plural(len(errors), *ERRORS_LEFT)}."]
        lines += [f"- {_md(f.get('message') or f.get('code'))}" for f in errors[:20]]
    return "\n".join(lines) + "\n"


def links(outputs: dict[str, str]) -> list[str]:
    """Markdown links to the files written (file:// URLs: the worker's folder)."""
    return ["## Файли"] + [f"- [{_md(name)}]({Path(path).resolve().as_uri()})" for name, path in outputs.items()] \
        if outputs else []


def _md(text: str) -> str:
    """User text in Markdown: the characters that would start markup are escaped."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-!|" else ch for ch in str(text))
