"""Code that runs inside the Rasa process (`.venv-rasa`, Rasa 3.6 with its old pins).

The only package allowed to import `rasa`; Rasa loads it by name from `endpoints.yml`
(later also `credentials.yml`). It may import only the standard library, `rasa`, and
our stdlib-only packages (`replies`, `conversations`), because the app environment's
packages are not installed here.
"""
