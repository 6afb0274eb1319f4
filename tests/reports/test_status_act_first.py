"""status.html and proposals.html read act-first: what each department must do comes before
any table, the figures are charts, the long tables are collapsed; a proposal's justification
sits under its title with a bar of its components."""
from __future__ import annotations

import re
from datetime import date

from audits.campaign.outputs import write_outputs
from audits.campaign.verbs import engine_for, open_result


def outputs(demo_db, tmp_path):
    engine = engine_for(demo_db)
    try:
        return write_outputs(open_result(engine, None, date(2020, 6, 1)), tmp_path)
    finally:
        engine.dispose()


def test_status_page_starts_with_what_to_do_then_charts_then_collapsed_tables(demo_db, tmp_path):
    html = outputs(demo_db, tmp_path)["status.html"].read_text(encoding="utf-8")
    act = html[html.index('id="act-first"'):html.index("</section>")]
    assert re.findall(r"<li><b>[^<]+</b> \((\w+)\)", act) == ["fin", "mist", "ozd", "cnap", "kadry", "varta", "kap",
                                                                "sport"]
    assert act.count('<li class="error">') == 3 + 3 + 3 + 2 + 2 + 2
    assert html.index('id="act-first"') < html.index("<svg") < html.index('id="departments"')
    assert html.count("<svg") == 3
    for table in ('id="departments"', 'id="coverage"', 'id="quality-datasets"', 'id="findings-fin"'):
        before = html[:html.index(table)]
        assert before.count("<details") > before.count("</details>"), table


def test_proposals_page_puts_the_justification_under_the_title(demo_db, tmp_path):
    html = outputs(demo_db, tmp_path)["proposals.html"].read_text(encoding="utf-8")
    block = html[html.index('<article class="proposal" data-item="osv-005">'):]
    block = block[:block.index("</article>")]
    assert block.index("<h3>") < block.index("Пропозиція з балом") < block.index("<svg")
    assert "<td>" not in block and "Складові бала" in block


def test_bar_geometry():
    from audits.reports.charts import line, stacked

    segs = stacked([("accepted", "прийнято", 8), ("invalid", "потребує виправлень", 6), ("missing", "—", 2)])
    assert [(s["x"], s["w"], s["share"]) for s in segs] == [(0.0, 300.0, 50), (300.0, 225.0, 38), (525.0, 75.0, 12)]
    assert [s["w"] for s in stacked([("demand", "Попит", 30), ("theme", "Тема", 0)], scale=100)] == [180.0, 0.0]
    assert stacked([]) == [] and line([("01.06.2020", None)]) == []
    assert [p["y"] for p in line([("a", 0), ("b", 100)])] == [140, 20]
