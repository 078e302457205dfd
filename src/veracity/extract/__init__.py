"""Claim extraction: rules over profile data (profiles/*.toml) and lexicons (lexicons/*.toml)."""

from veracity.extract.claims import DocumentClaims, extract_claims
from veracity.extract.lexicon import Profile, available_profiles, load_profile

__all__ = ["DocumentClaims", "Profile", "available_profiles", "extract_claims", "load_profile"]
