"""Accessibility of each dataset from its links' checks: its points shared equally by its links,
each lost point with its reason in Ukrainian (MQA's accessibility dimension: links that work)."""
from __future__ import annotations

from dataclasses import dataclass

from ...messages import plural
from ...quality.indicators.base import Indicator, Lost
from .fetch import CONNECTION, REDIRECTS, TIMEOUT, LinkResult
from .formats import mismatch
from .guard import BAD_URL, DNS, NOT_WEB, PRIVATE
from .targets import Target

NAME, LABEL, POINTS = "accessibility", "Доступність посилань", 10.0
KIND_UK = {"portal-link": "посилання на портал", "landing-page": "сторінка набору", "resource": "ресурс"}


@dataclass(frozen=True)
class LinkScore:
    key: str
    title: str
    indicator: Indicator
    links: tuple[tuple[Target, LinkResult], ...]

    @property
    def percent(self) -> float:
        return round(100 * self.indicator.earned / self.indicator.possible, 1)

    def to_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "score": self.percent, **self.indicator.to_dict(),
                "links": [{"kind": t.kind, "declared_format": t.declared_format, **r.to_dict()}
                          for t, r in self.links]}


def score_links(targets: list[Target], results: dict[str, LinkResult], limits) -> list[LinkScore]:
    by_key: dict[str, list[Target]] = {}
    for t in targets:
        by_key.setdefault(t.key, []).append(t)
    return [dataset_score(key, group, results, limits) for key, group in by_key.items()]


def dataset_score(key: str, targets: list[Target], results: dict[str, LinkResult], limits) -> LinkScore:
    share = POINTS / len(targets)
    lost = [x for t in targets for x in [_lost(t, results[t.url], share, limits)] if x]
    earned = round(POINTS - sum(x.points for x in lost), 2)
    ok = len([t for t in targets if results[t.url].ok])
    indicator = Indicator(NAME, LABEL, earned, POINTS, tuple(lost),
                          f"працює {ok} з {plural(len(targets), 'посилання', 'посилань', 'посилань')}")
    return LinkScore(key, targets[0].title, indicator, tuple((t, results[t.url]) for t in targets))


def _lost(t: Target, r: LinkResult, share: float, limits) -> Lost | None:
    reason = why(t, r, limits)
    if reason is None:
        if t.kind == "resource" and mismatch(t.declared_format, r.content_type):
            return Lost(round(share / 2, 2), f"{KIND_UK[t.kind].capitalize()} {t.url} заявлено як {t.declared_format}, "
                                             f"а сервер віддає «{r.content_type}»: виправте формат ресурсу на порталі "
                                             "або посилання на файл.")
        return None
    return Lost(round(share, 2), reason)


def why(t: Target, r: LinkResult, limits) -> str | None:  # noqa: PLR0911 (one sentence per outcome)
    what = f"{KIND_UK[t.kind].capitalize()} {t.url}"
    if r.error == PRIVATE:
        return f"{what} веде на внутрішню адресу: його не перевіряли. Дайте публічну адресу https://…"
    if r.error in (NOT_WEB, BAD_URL):
        return f"{what} не є веб-адресою http(s): дайте посилання https://… на набір або файл."
    if r.error == DNS:
        return f"{what}: такого сервера немає (адресу не знайдено в DNS). Перевірте посилання."
    if r.error == TIMEOUT:
        return f"{what}: немає відповіді за {limits.timeout_s:g} с ({_tries(r)}). Перевірте сервер."
    if r.error == REDIRECTS:
        return f"{what} перенаправляє понад {limits.max_redirects} разів: дайте кінцеву адресу."
    if r.error == CONNECTION:
        return f"{what}: сервер недоступний ({_tries(r)}). Перевірте посилання."
    if not r.ok:
        return f"{what} відповідає помилкою HTTP {r.status}: файл чи сторінку прибрано або перенесено."
    return None


def _tries(r: LinkResult) -> str:
    return plural(r.attempts, "спроба", "спроби", "спроб")
