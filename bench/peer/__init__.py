"""The django-formtools peer: the same four forms in a `SessionWizardView`, one row saved
at the end. Installed only by bench/settings.py, never by the app."""
