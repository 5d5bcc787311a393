"""The practice overview page: counts of how the practice's relationships are doing.

For the people who manage the practice's accounts (admins, and the owner who set it up); every
other account gets 404, like the team page. It shows no client's name or words (``overview.py``).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from attunement.practice.access import managed_practice
from attunement.practice.charts import stacked_bars
from attunement.practice.overview import BAND_LABELS, BANDS, practice_overview


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    practice = managed_practice(request.user)
    summary = practice_overview(practice, timezone.now())
    chart = stacked_bars(
        [(row.coach, row.bands) for row in summary.coaches],
        BAND_LABELS,
        title="Relationships per coach by connection health",
    )
    return render(
        request,
        "practice/overview.html",
        {
            "practice": practice,
            "summary": summary,
            "bands": [(band, BAND_LABELS[band]) for band in BANDS],
            # Templates cannot index a mapping by a variable: the counts in band order.
            "rows": [(row, [row.bands[b] for b in BANDS]) for row in summary.coaches],
            "total": (summary.total, [summary.total.bands[b] for b in BANDS]),
            "chart": chart,
        },
    )
