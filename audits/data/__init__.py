"""Checking the content of data files: dataset Table Schemas, a fast vectorised validator
(pyarrow) with the frictionless reference path, Great Expectations suites, and the privacy
screen. Nothing here imports Prefect; great_expectations is imported only where it is used."""
