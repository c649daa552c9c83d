"""Eligibility domain: OQS result models and XML, PMH subsidies, number checks, eras, merge and copay estimate.

Pure Python: no Qt, no network, no file system beyond the bytes it is given.
"""
