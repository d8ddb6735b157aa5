"""The dashboard (儀表板): this month at a glance and the coverage map of the center's townships."""
