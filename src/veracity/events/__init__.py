"""Events: which articles of a mixed feed report the same event (features, places, clustering)."""
