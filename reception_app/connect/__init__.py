"""Connectivity: face-folder watcher, req/res file client, HTTPS eligibility gateway client, OQS/PMH simulator.

Entry points: `source.EligibilitySource` (`GatewaySource`, `ReqResSource`, `FaceFolderSource`) for the reception
flow; `face_watcher.FaceWatcher`, `reqres.ReqResClient`, `gateway_client.GatewayClient` underneath;
`simulator.OqsSimulator` for tests, QA and the demo. Docs: docs/gateway-protocol.md, docs/oqs-simulator.md.
"""
