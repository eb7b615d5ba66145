"""Who may run a round, and who may answer in one: on top of wizard/access.py.

The organiser's pages need the right to change the draft (owners and editors). A
respondent reaches only their own answers, by their code, signed in as themselves;
anyone else gets 404, as for any assessment they may not see.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest

from voices.models import Respondent, Round
from voices.rounds import latest_round, respondent_claim
from wizard.access import Access, get_assessment_for_user


def get_round_for_organiser(request: HttpRequest, code: object) -> tuple[Access, Round | None]:
    """The draft (write access required: 403 for viewers) and its latest round."""
    access = get_assessment_for_user(request, code, write=True)
    return access, latest_round(access.assessment)


def respondents_for_user(request: HttpRequest):
    """Every round answer of the signed-in user's, including those waiting for them under
    their address from before they joined."""
    user = request.user
    return (
        Respondent.objects.filter(
            Q(user=user)
            | Q(
                user__isnull=True,
                email=user.email,
                round__assessment__organisation__memberships__user=user,
            )
        )
        .select_related("round__assessment__organisation")
        .distinct()
    )


def get_respondent_for_user(request: HttpRequest, code: object) -> Respondent:
    """The signed-in user's own answers in a round (404 for anyone else's)."""
    if not request.user.is_authenticated:
        raise Http404
    try:
        respondent = respondents_for_user(request).get(code=code)
    except (Respondent.DoesNotExist, ValueError):
        raise Http404 from None
    return respondent_claim(respondent=respondent, user=request.user)
