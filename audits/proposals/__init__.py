"""Proposals of new datasets of public interest: demand signals, prioritisation, blockers,
the working group's decisions and the publication plan."""
