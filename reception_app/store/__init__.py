"""Encrypted store (SQLCipher): patients, card and insurance links, visits, eligibility cache, audit chain."""
