"""Link checks: every landing page, portal link and resource URL of the register and the
snapshot tried (HEAD, then GET with a byte limit), with limits, and scored as accessibility."""
