"""Smart-card layer: APDUs, reader backends (PC/SC, simulator), the virtual My Number Card, the MyNumberCard session.

Headless: no Qt here.
"""
