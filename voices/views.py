"""Pages of several voices on one assessment: its review (rounds follow in rounds_views)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from voices.forms import ReviewForm
from voices.reviews import ReviewRefused, finished_by, review_for, review_mark
from wizard.access import get_assessment_for_user


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, code: str) -> HttpResponse:
    """Mark a finished assessment reviewed, with a comment (owners and editors)."""
    access = get_assessment_for_user(request, code, write=True)
    assessment = access.assessment
    if not assessment.is_complete or assessment.organisation is None:
        raise Http404
    existing = review_for(assessment)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    status = 200
    if existing is None and form.is_bound:
        if form.is_valid():
            try:
                review_mark(
                    assessment=assessment,
                    reviewer=request.user,
                    comment=form.cleaned_data["comment"],
                    request=request,
                )
            except ReviewRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("The assessment is marked reviewed."))
                return redirect("report", code=assessment.code)
        status = 422
    context = {
        "assessment": assessment,
        "form": form,
        "review": existing,
        "own": finished_by(assessment) == request.user.pk,
    }
    return render(request, "voices/review.html", context, status=status)
