"""Assess: how far to trust each claim (extraction confidence) and each record value (a calibrated
probability), by small models trained on events held out from the ones they are scored on."""
