"""The national open-data portal (data.gov.ua, CKAN): client, offline snapshots, joining
packages to the register and the catalogue."""
