"""The web app (`odaudit serve`): server-rendered pages for the ICT office, the departments and
the working group. Like the CLI it only calls the library (audits.campaign)."""
