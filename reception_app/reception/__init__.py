"""Reception use cases and the check-in state machine, driven by both the desk and the kiosk. No Qt."""
