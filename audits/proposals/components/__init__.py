"""The components of the public-interest score, in the order reports show them."""
from . import demand, effort, freshness, quality, readiness, theme

COMPONENTS = (demand, theme, readiness, quality, freshness, effort)
