"""The documents an office signs and hands out: the report as PDF and Word,
and the desk's receipt, each rendered from a plain context by a template.

Typst and python-docx are imported inside the renderers only: the desk's
commands never load them.
"""
