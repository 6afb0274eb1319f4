"""Demand signals: what citizens ask for, read from the files a campaign names and matched to
the items departments hold."""
