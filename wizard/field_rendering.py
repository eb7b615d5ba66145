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
from django.forms import BoundField
from django.forms.renderers import Jinja2
from django.template.backends.jinja2 import Jinja2 as JinjaTemplates
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def error_slot(field: BoundField, *, oob: bool = False) -> SafeString:
    """The place beside a field for its errors, empty or not, named in its
    aria-describedby. Drawn with the field, and again by htmx answers (`oob`) that fill
    or empty it in place while the field keeps what was typed."""
    errors = format_html_join("", '<p class="mb-0">{}</p>', ((error,) for error in field.errors))
    return format_html(
        '<div id="{}_error" class="invalid-feedback d-block field-errors" data-error-slot{}>'
        "{}</div>",
        field.auto_id,
        mark_safe(' hx-swap-oob="true"') if oob else "",
        errors,
    )


def char_counter(field: BoundField) -> SafeString:
    """Below a field with a told (not enforced) length limit: the limit, which the page's
    script turns into a live count; empty for any other field."""
    limit = field.field.widget.attrs.get("data-max-length")
    if not limit:
        return mark_safe("")
    return format_html(
        '<div id="{}_count" class="form-text char-count" data-char-count="{}" '
        'data-counting="{}" data-over="{}">{}</div>',
        field.auto_id,
        limit,
        _("%(count)s of %(limit)s characters"),
        _("%(over)s characters too many: the limit is %(limit)s."),
        _("Up to %(limit)s characters.") % {"limit": limit},
    )


class FieldRenderer(Jinja2):
    """Django's Jinja2 form renderer with our field-group template (wizard/jinja2/)."""

    field_template_name = "wizard/field.html"

    @cached_property
    def engine(self) -> JinjaTemplates:
        # field.html draws the error slot with the function the htmx answers use.
        engine = super().engine
        engine.env.globals["error_slot"] = error_slot
        engine.env.globals["char_counter"] = char_counter
        return engine


# One per process: it builds its Jinja2 environment once, on first use.
RENDERER = FieldRenderer()


class RenderedForm(forms.Form):
    """A form whose `{{ form.field.as_field_group }}` is the Bootstrap field in
    wizard/jinja2/wizard/field.html: label, input, an error slot, help text."""

    default_renderer = RENDERER
