"""How the wizard's form fields become HTML: one Bootstrap 5 field template, in Jinja2.

The step forms, rendered on every step and every step swap, were most of a step's cost
when crispy drew them (each field a dozen DTL templates deep; `make bench`, issue #7).
Django's own field-group rendering (`{{ field.as_field_group }}`) through the Jinja2 form
renderer draws the same markup several times faster, widgets included. Only the wizard's
forms use it: the admin's widgets exist only as Django templates, so FORM_RENDERER stays
Django's default for every other form.
"""

from __future__ import annotations

from django import forms
from django.forms.renderers import Jinja2


class FieldRenderer(Jinja2):
    """Django's Jinja2 form renderer with our field-group template (wizard/jinja2/)."""

    field_template_name = "wizard/field.html"


# One per process: it builds its Jinja2 environment once, on first use.
RENDERER = FieldRenderer()


class RenderedForm(forms.Form):
    """A form whose `{{ form.field.as_field_group }}` is the Bootstrap field in
    wizard/jinja2/wizard/field.html: label, input, an error slot, help text."""

    default_renderer = RENDERER
