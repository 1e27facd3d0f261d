"""The coordinator: import, linkage, statistics, exports, the custodian."""
