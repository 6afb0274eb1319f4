"""The annual assessment card of publication and updating of open data (Resolution 835 as
amended by Resolution No. 409 of 17.04.2019): what odaudit can fill from the register, the
coverage and the latest portal snapshot, each figure with its source, and what a person fills."""
