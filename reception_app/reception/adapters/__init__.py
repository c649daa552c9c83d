"""Thin adapters: the reception ports over the real card, eligibility, connect and store packages."""
