"""The data the HTTP benchmark needs, printed as JSON: a finished assessment with a share
link, drafts to autosave into (one per wrk connection), and a signed-in session (cookie
values) for all of them.

Run by bench.http in the server's environment: `python -m bench.seed`.
"""

from __future__ import annotations

import json
import os
import secrets
import time

import django

DRAFTS = 32  # at least wrk's connections: each autosaves into its own


def seed(paths: int = 5) -> dict[str, object]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.middleware import LAST_ACTIVITY_KEY
    from accounts.models import User
    from bench.engine import fifty_path_answers
    from orgs.models import Membership, Organisation
    from wizard.answers_draft import blank_answers, normalised
    from wizard.models import Assessment
    from wizard.report.share_links import share_link_create
    from wizard.services import assessment_finish

    suffix = secrets.token_hex(4)
    user = User.objects.create_user(f"bench-{suffix}@example.com", secrets.token_urlsafe(16))
    organisation = Organisation.objects.create(
        name=f"Bench {suffix}", slug=f"bench-{suffix}", headcount=450
    )
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.OWNER)
    answers = fifty_path_answers()
    answers["critical_paths"] = answers["critical_paths"][:paths]
    finished = Assessment.objects.create(
        organisation=organisation,
        created_by=user,
        answers=normalised(answers),
        path_descriptions=[f"What path {i} does" for i in range(paths)],
        furthest_step=5,
    )
    finished = assessment_finish(assessment=finished, expected_version=finished.version)
    _, token = share_link_create(assessment=finished, user=user, expires_in_days=None)
    # The worker's job, done here: the finished report's PDF in storage, as it is served.
    from wizard.pdf_files import pdf_name, render_report_pdf

    render_report_pdf.call(
        code=str(finished.code), language="en-gb", name=pdf_name(finished, "en-gb")
    )
    drafts = [
        Assessment.objects.create(
            organisation=organisation, created_by=user, answers=blank_answers(450)
        )
        for _ in range(DRAFTS)
    ]

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LAST_ACTIVITY_KEY] = int(time.time())
    session.create()
    return {
        "report": f"/a/{finished.code}/report/",
        "shared_report": f"/r/{token}/",
        "report_pdf": f"/a/{finished.code}/report.pdf",
        "shared_pdf": f"/r/{token}/report.pdf",
        "draft_code": str(drafts[0].code),  # the one bench/profile.py autosaves into
        "drafts": [str(each.code) for each in drafts],
        "sessionid": session.session_key,
        # An unmasked secret is a valid token for both the cookie and the header.
        "csrftoken": secrets.token_hex(16),
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    print(json.dumps(seed()))
