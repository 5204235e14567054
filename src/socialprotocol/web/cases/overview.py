"""The board's overview: counts of cases per school, article, measure and month. No names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models.functions import TruncMonth

from socialprotocol.web.cases.models import Case, Measure
from socialprotocol.web.core.models import Board

BAR_MAX = 300  # px
ROW = 28  # px per bar


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    width: int  # pixels; the longest bar is BAR_MAX


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: list[Bar]

    @property
    def height(self) -> int:
        return ROW * len(self.bars) + 8


def _chart(title: str, counts: Counter[str], *, keep_order: bool = False) -> Chart:
    items = list(counts.items()) if keep_order else counts.most_common()
    top = max((c for _, c in items), default=0) or 1
    return Chart(title, [Bar(label, count, round(BAR_MAX * count / top)) for label, count in items])


def overview(board: Board) -> list[Chart]:
    cases = Case.objects.filter(board=board)
    per_school: Counter[str] = Counter(
        {str(row["school__name"] or "bestuur"): int(str(row["n"]))
         for row in _grouped(cases, "school__name")}
    )  # fmt: skip
    per_article: Counter[str] = Counter()
    for articles in cases.values_list("articles", flat=True):
        per_article.update(articles or [])
    per_measure: Counter[str] = Counter(
        {str(row["name"]): int(str(row["n"])) for row in _grouped(Measure.objects.filter(case__board=board),
                                                  "name")}
    )  # fmt: skip
    months = (
        cases.annotate(month=TruncMonth("created")).values_list("month", flat=True)
    )
    per_month = Counter(sorted(m.strftime("%Y-%m") for m in months if m is not None))
    return [
        _chart("Zaken per school", per_school),
        _chart("Zaken per artikel", per_article),
        _chart("Maatregelen", per_measure),
        _chart("Zaken per maand", per_month, keep_order=True),
    ]


def _grouped(qs: object, field: str) -> list[dict[str, object]]:
    from django.db.models import Count

    return list(qs.values(field).annotate(n=Count("pk")).order_by(field))  # type: ignore[attr-defined]
