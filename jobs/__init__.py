"""Background work run by the RQ worker and the periodic scheduler."""
