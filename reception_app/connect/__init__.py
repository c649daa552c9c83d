"""Connectivity: face-folder watcher, req/res file client, HTTPS eligibility gateway client, OQS/PMH simulator."""
