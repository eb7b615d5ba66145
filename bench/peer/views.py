"""A plain django-formtools wizard over the app's own four step forms."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from formtools.wizard.views import SessionWizardView

from bench.peer.models import PeerAssessment
from wizard.forms import HiringForm, MaturityForm, RoiFormSet, path_formset

FORMS = [
    ("maturity", MaturityForm),
    ("paths", path_formset(1)),
    ("roi", RoiFormSet),
    ("hiring", HiringForm),
]


class PeerWizard(SessionWizardView):
    form_list = FORMS
    template_name = "peer/step.html"

    def get_form_initial(self, step: str) -> Any:
        if step == "roi":
            # One RoI row per path named in step 2, as the app does.
            paths = self.get_cleaned_data_for_step("paths") or []
            return [{} for row in paths if row and not row.get("DELETE") and row.get("name")]
        return super().get_form_initial(step)

    def done(self, form_list: Any, **kwargs: Any) -> HttpResponse:
        maturity, paths, roi, hiring = form_list
        rows = [row for row in paths.cleaned_data if row and row.get("name")]
        for row, extra in zip(rows, roi.cleaned_data, strict=False):
            row.update(extra)
        answers = {"maturity": maturity.cleaned_data, "paths": rows, "hiring": hiring.cleaned_data}
        saved = PeerAssessment.objects.create(answers=answers)
        return redirect("peer-done", pk=saved.pk)


def done(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "peer/done.html", {"saved": get_object_or_404(PeerAssessment, pk=pk)})
