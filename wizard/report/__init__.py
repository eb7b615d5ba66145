"""The report wing: what a finished assessment shows and how it leaves the building.

- `context`: everything the report template draws, read from the stored plan.
- `views`: the owner's report, the shared report, exports, what-if, compare, share links.
- `exports`: JSON, CSV and PDF files of a report.
- `share_links`: read-only links to a report (the services that write them).
- `what_if`: the what-if panel's form and the comparison of two plans.
- `urls`: the wing's URLs, included by `wizard.urls` before the step URLs.
"""
