"""Our quality metrics, described once as DQV metrics: each indicator of config/quality.yaml
(audits/quality/indicators) with a definition in Ukrainian and English and the MQA dimension
it belongs to, and the accessibility metric of the link check."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    name: str
    dimension: str          # MQA dimension: findability, accessibility, interoperability, reusability, contextuality
    uk: str
    en: str


METRICS = {m.name: m for m in (
    Metric("metadata", "findability",
           "Частка елементів паспорта набору даних за постановою № 835, які заповнено, з тих, що застосовні.",
           "Share of the Resolution 835 dataset passport elements that are filled, of those that apply."),
    Metric("timeliness", "contextuality",
           "Набір оновлено в межах періоду заявленої періодичності станом на дату аудиту.",
           "The dataset was updated within the period of its declared update frequency as of the audit date."),
    Metric("openness", "interoperability",
           "Зірки відкритості найкращого формату (шкала 5 зірок) ÷ 5.",
           "Five-star openness of the dataset's best format, divided by 5."),
    Metric("machine_readable", "interoperability",
           "Набір має принаймні один машинозчитуваний формат.",
           "The dataset has at least one machine-readable format."),
    Metric("non_proprietary", "interoperability",
           "Набір має принаймні один формат відкритого стандарту.",
           "The dataset has at least one non-proprietary (open standard) format."),
    Metric("licence", "reusability",
           "Оприлюднений набір має відкриту ліцензію.",
           "A published dataset carries an open licence."),
    Metric("contact_point", "reusability",
           "Указано відповідальну особу і її дійсну адресу електронної пошти.",
           "A responsible person and a valid e-mail address are given."),
    Metric("keywords", "findability",
           "Набір має щонайменше потрібну кількість ключових слів.",
           "The dataset has at least the required number of keywords."),
    Metric("description", "findability",
           "Назва до 254 символів, опис у межах 40–4000 символів.",
           "Title up to 254 characters, description between 40 and 4000 characters."),
    Metric("data_checks", "reusability",
           "Частка очікувань до вмісту файлу даних, які виконано.",
           "Share of the data file's content expectations that are met."),
    Metric("accessibility", "accessibility",
           "Частка посилань набору (сторінка на порталі, ресурси), які відповідають без помилки, "
           "з правильним типом вмісту.",
           "Share of the dataset's links (landing page, resources) that answer without error and with the "
           "declared content type."),
    Metric("score", "reusability",
           "Загальний бал якості: бали за застосовні показники ÷ можливі бали, %.",
           "Overall quality score: points earned on the indicators that apply ÷ points possible, in %."),
)}
