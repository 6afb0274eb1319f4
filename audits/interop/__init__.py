"""Interoperability: the register, the portal packages and their quality as DCAT-AP 3 (with
DQV measurements), the Project Open Data data.json, datapackage.json beside the CSV outputs,
link checks and the annual assessment card. Plain data in (the campaign's result), files out."""
